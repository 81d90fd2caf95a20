package zcbench.analysis.table;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import zcbench.vocabulary.CpuMetric;

/**
 * What a row's MB/s cannot be taken for, each a word every output shows beside the row: the one place that decides
 * a row's marks, in this order, for the speedup table, row pairs, compare and the v5 table alike.
 */
public enum Mark {
    // A mark added later goes last: this order is also that of pairs.csv's mark columns, and a CSV's columns only
    // ever grow at the end (COLUMNS.md). In compare.csv its columns come after every knob of its day; a knob added
    // after it must then be placed after them, as CompareCsv places the knobs before and after today's marks.
    /** Its 99.9% error is above {@link zcbench.analysis.stats.Intervals#NOISY_SHARE} of its score. */
    NOISY(SpeedupRow::hasInterval, SpeedupRow::noisy),
    /** A zero-copy row whose sends the kernel copied: its MB/s measure a copy. */
    COPIED(r -> Double.isFinite(r.copiedPct()), SpeedupRow::copiedZeroCopy),
    /**
     * The target counted fewer than {@link SpeedupTable#DELIVERED_PCT_FLAG}% of its packets: UDP drops silently, so
     * its MB/s overstate what was sent.
     */
    UNDELIVERED(r -> Double.isFinite(r.deliveredPct()), SpeedupRow::undelivered),
    /**
     * Its sending CPU lost more than {@link CpuMetric#STOLEN_PCT}% of its time to steal: its MB/s and CPU figures
     * are low.
     */
    STOLEN(r -> Double.isFinite(r.cpu().getOrDefault(CpuMetric.STEAL_PCT.id(), Double.NaN)), SpeedupRow::stolen);

    private final Predicate<SpeedupRow> judged;
    private final Predicate<SpeedupRow> holds;

    Mark(Predicate<SpeedupRow> judged, Predicate<SpeedupRow> holds) {
        this.judged = judged;
        this.holds = holds;
    }

    /** The marks of r, in this order. */
    public static List<Mark> of(SpeedupRow r) {
        return Arrays.stream(values()).filter(m -> m.holds.test(r)).toList();
    }

    /** " NOISY COPIED": each mark after a space, as the tables append them to a figure; empty without marks. */
    public static String suffix(List<Mark> marks) {
        return marks.stream().map(m -> " " + m.word()).reduce("", String::concat);
    }

    /** As the tables show it: "NOISY". */
    public String word() {
        return name();
    }

    /** Its name in CSV columns and HTML classes: "noisy". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "true" or "false", or empty when the row has no figure to judge it by (no interval, no steal figure). */
    public String cell(SpeedupRow r) {
        return judged.test(r) ? Boolean.toString(holds.test(r)) : "";
    }
}
