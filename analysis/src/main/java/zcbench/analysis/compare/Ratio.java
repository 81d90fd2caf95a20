package zcbench.analysis.compare;

import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.stats.Intervals;
import zcbench.analysis.table.SpeedupRow;

/**
 * B's MB/s over A's for two measured rows, with its 99.9% interval and the verdict: what {@code compare} says of a
 * row in two runs, and what the report says of a row pair in one.
 *
 * @param interval {@link Intervals#ratio} over both rows' forks and iterations; none unless both have two forks
 * @param method    how the interval was made: paired round by round, or each row's forks on their own
 */
public record Ratio(double value, Interval interval, Verdict verdict, IntervalMethod method) {

    public static Ratio of(SpeedupRow a, SpeedupRow b) {
        Interval interval = Intervals.ratio(b.mbSSamples(), a.mbSSamples());
        return new Ratio(b.mbS().score() / a.mbS().score(), interval, verdict(a, b, interval),
                Intervals.ratioMethod(b.mbSSamples(), a.mbSSamples()));
    }

    /** The CSVs' interval_method: how the interval was made, empty when there is none. */
    public String methodCell() {
        return interval.exists() ? method.id() : "";
    }

    /** The verdict follows the interval of B/A, which the variation between forks of either row widens. */
    private static Verdict verdict(SpeedupRow a, SpeedupRow b, Interval ratio) {
        if (a.mbS().score() == b.mbS().score()) {
            return Verdict.NO_DIFFERENCE;
        }
        if (!a.hasInterval() || !b.hasInterval()) {
            return Verdict.UNKNOWN;
        }
        if (a.forks() < Intervals.MIN_FORKS || b.forks() < Intervals.MIN_FORKS || !ratio.exists()) {
            return Verdict.ONE_FORK;
        }
        if (ratio.low() > 1) {
            return Verdict.FASTER;
        }
        return ratio.high() < 1 ? Verdict.SLOWER : Verdict.NO_DIFFERENCE;
    }
}
