package zcbench.analysis.pairs;

import zcbench.analysis.compare.Ratio;
import zcbench.analysis.table.SpeedupRow;

/**
 * Two rows of one run that differ in one thing: B changes {@code knob} from A's value, A being the row at the
 * knob's default (or the earlier variant, for {@code knob} variant).
 *
 * @param label what changes, e.g. "uring_zc_fixed b8: setup coop → defer"
 * @param ratio B's MB/s over A's, with its interval and verdict as {@code compare} gives them
 */
public record RowPair(String label, String knob, SpeedupRow a, SpeedupRow b, Ratio ratio) {

    public String aValue() {
        return a.row().value(knob);
    }

    public String bValue() {
        return b.row().value(knob);
    }

    /** "65435 bytes, sink": the group of the speedup table both rows are in. */
    public String group() {
        return a.row().payload() + " bytes, " + a.row().target();
    }
}
