package zcbench.analysis.crossover;

import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.Intervals;

/**
 * One payload of a sweep: a zero-copy row and its copying counterpart's row, by their MB/s samples.
 *
 * @param zeroCopyNo the zero-copy row's number in the speedup table, 0 for samples made elsewhere
 * @param copyingNo the copying row's number, likewise
 * @param copied whether the kernel copied some of the zero-copy row's sends (its MB/s measure a copy)
 */
public record CrossoverPoint(int payload, ForkSamples zeroCopy, ForkSamples copying, int zeroCopyNo, int copyingNo,
        boolean copied) {

    /** MB/s of the zero-copy row over the copying row's: above 1 where zero-copy pays. */
    public double ratio() {
        return zeroCopy.mean() / copying.mean();
    }

    public Interval ratioInterval() {
        return Intervals.ratio(zeroCopy, copying);
    }
}
