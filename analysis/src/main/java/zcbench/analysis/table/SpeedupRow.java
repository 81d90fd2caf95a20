package zcbench.analysis.table;

import java.util.Map;
import zcbench.analysis.jmh.Metric;
import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.stats.Intervals;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.Row;

/**
 * One row of the speedup table. Missing values are NaN (0 for baselineNo).
 *
 * @param mbS MB/s (MiB/s) with its 99.9% error and interval ({@link Intervals#row})
 * @param mbSSamples the iteration scores per fork, in MB/s
 * @param speedup MB/s over the MB/s of row baselineNo
 * @param speedupInterval its 99.9% interval ({@link Intervals#ratio}); [1, 1] for the baseline row itself
 * @param rfcKreqS the RFC's own figure where it gave thousand requests/s (4096 bytes), rfcMbS converted from it
 * @param perPacket each of {@link SpeedupTable#COUNTERS} and {@link SpeedupTable#LATER_COUNTERS} divided by
 *     packets, by counter id
 * @param cpu each {@link zcbench.vocabulary.CpuMetric} the profiler added, by id
 * @param deliveredPct packets the sink counted, per 100 sent; NaN where the target counts none
 * @param speedupMethod how speedupInterval was made ({@link Intervals#ratioMethod})
 */
public record SpeedupRow(int no, String test, Row row, double opsPerSec, Metric mbS, ForkSamples mbSSamples,
        double speedup, Interval speedupInterval, int baselineNo, double rfcMbS, double rfcKreqS, double rfcSpeedup,
        double copiedPct, Map<String, Double> perPacket, Map<String, Double> cpu, double deliveredPct,
        Map<String, Double> events, Map<String, Double> latency, IntervalMethod speedupMethod) {

    public boolean zeroCopy() {
        return RowLabels.isZeroCopy(row.variant());
    }

    /** Its sends may be zero-copy but nothing reports whether the kernel copied them: copied % is unknown. */
    public boolean copiedUnknown() {
        return !zeroCopy() && RowLabels.copiesUnreported(row);
    }

    /** A sink row that counted fewer of its packets than {@link SpeedupTable#DELIVERED_PCT_FLAG}. */
    public boolean undelivered() {
        return deliveredPct < SpeedupTable.DELIVERED_PCT_FLAG;
    }

    /** A zero-copy variant whose sends the kernel copied after all, so its MB/s measure a copy. */
    public boolean copiedZeroCopy() {
        return zeroCopy() && copiedPct > 0;
    }

    /**
     * Its CPU figures are the sending CPU's (sender_ns_per_packet is there); in runs from before, cpu_ns_per_packet
     * was the whole fork's getrusage.
     */
    public boolean sendingCpuMeasured() {
        return Double.isFinite(cpu.getOrDefault(CpuMetric.SENDER_NS_PER_PACKET.id(), Double.NaN));
    }

    /** Its sending CPU lost more than {@link CpuMetric#STOLEN_PCT} of its time to steal: a neighbour took it. */
    public boolean stolen() {
        return cpu.getOrDefault(CpuMetric.STEAL_PCT.id(), Double.NaN) > CpuMetric.STOLEN_PCT;
    }

    /** Its 99.9% error is above {@link Intervals#NOISY_SHARE} of its score. */
    public boolean noisy() {
        return Intervals.noisy(mbS);
    }

    public boolean hasInterval() {
        return Double.isFinite(mbS.error());
    }

    public int forks() {
        return mbSSamples.forkCount();
    }
}
