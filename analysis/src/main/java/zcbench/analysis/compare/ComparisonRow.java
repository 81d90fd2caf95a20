package zcbench.analysis.compare;

import java.util.List;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.stats.Intervals;
import zcbench.analysis.table.SpeedupRow;

/**
 * One row of a comparison: the row of run A and the row of run B with the same parameters (either is null
 * when the row is only in the other run), B's MB/s over A's, and the verdict.
 *
 * @param params the values of {@link zcbench.vocabulary.Row#CSV_ORDER}, "a -> b" for a compared parameter
 * @param label the row's key ({@link zcbench.vocabulary.RowKey}): A's row's, or B's when the row is only in B; a
 *     compared parameter has A's value in it
 * @param ratioLow the 99.9% interval of B/A (a bootstrap over both runs' forks and iterations), NaN unless both
 *     rows have two forks or more; ratioHigh its other end
 */
public record ComparisonRow(String label, List<String> params, SpeedupRow a, SpeedupRow b, double ratio,
        double ratioLow, double ratioHigh, Verdict verdict) {

    /** B/A with its interval and verdict, as a row pair's. */
    public Ratio asRatio() {
        return new Ratio(ratio, new Interval(ratioLow, ratioHigh), verdict, method());
    }

    /** How the interval of B/A was made ({@link Intervals#ratioMethod}); forks for a row only in one run. */
    public IntervalMethod method() {
        return a == null || b == null ? IntervalMethod.FORKS : Intervals.ratioMethod(b.mbSSamples(), a.mbSSamples());
    }
}
