package zcbench.analysis.compare;

import java.util.ArrayList;
import java.util.List;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.table.Cells;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.TextTable;
import zcbench.vocabulary.RowKey;

/** The comparison for the terminal. */
public final class CompareText {
    private static final List<String> HEADERS = List.of(RowKey.COLUMN, "A MB/s", "B MB/s", "B/A", "99.9% interval",
            "verdict", "copied % A / B");
    private static final List<Boolean> NUMERIC = List.of(false, true, true, true, true, false, true);
    private static final int WRAP = 100;
    /** Environment values longer than this are cut in the terminal; compare.html shows them whole. */
    private static final int VALUE_WIDTH = 44;

    private CompareText() {
    }

    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder(summary(c)).append("\n");
        c.warnings().forEach(w -> out.append(TextTable.wrap("WARNING: " + w, WRAP, "  ")));
        out.append(environment(c)).append("\n");
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADERS);
        c.matched().forEach(r -> lines.add(List.of(r.label(), mbS(r.a()), mbS(r.b()), Num.shown(r.ratio(), 3),
                interval(r), r.verdict().text(), Num.shown(r.a().copiedPct(), 0) + " / "
                        + Num.shown(r.b().copiedPct(), 0))));
        out.append(TextTable.render(lines, NUMERIC));
        for (Verdict side : List.of(Verdict.ONLY_A, Verdict.ONLY_B)) {
            List<ComparisonRow> only = c.only(side);
            if (!only.isEmpty()) {
                out.append("\n").append(side.text()).append(" (not compared):\n");
                only.forEach(r -> out.append("  ").append(r.label()).append("\n"));
            }
        }
        return out.toString();
    }

    /** MB/s with every mark of the row, as the speedup table shows them. */
    private static String mbS(SpeedupRow r) {
        return Cells.mbS(r).shown();
    }

    /** Which runs, what is compared, what rows are matched on, and the rule for the verdict. */
    public static String summary(Comparison c) {
        return "A: " + c.a().jmhJson() + "\nB: " + c.b().jmhJson() + "\n"
                + (c.compared().isEmpty() ? "" : "Compared: " + String.join("; ", c.compared()) + ". ")
                + "Rows matched on " + String.join(", ", c.matchedOn()) + ". B/A is MB/s with its 99.9% interval "
                + "(a bootstrap over the forks and iterations of both runs); the verdict is \"faster\" or "
                + "\"slower\" when that interval excludes 1, and needs two forks or more on both sides."
                + roundsNote(c);
    }

    /**
     * For rows both runs measured in rounds: how their intervals were made. Two runs' rounds did not run side
     * by side, so pairing them by number cancels only a drift both runs share in the same shape over their
     * rounds, not a change between the runs.
     */
    public static String roundsNote(Comparison c) {
        List<ComparisonRow> sure = c.matched().stream().filter(r -> Double.isFinite(r.ratioLow())).toList();
        long rounds = sure.stream().filter(r -> r.method() == IntervalMethod.ROUNDS).count();
        return rounds == 0 ? "" : IntervalMethod.roundsNote(rounds, sure.size(), "B/A")
                + " The two runs' rounds did not run side by side: round i of A is paired with round i of B, which"
                + " cancels a drift both runs share over their rounds, not a change of the machine between them.";
    }

    /** The environments' differences, one line each; "same environment" when none. */
    static String environment(Comparison c) {
        EnvironmentDiff env = c.environment();
        if (env.isEmpty()) {
            return "No env.json beside either run.\n";
        }
        List<EnvironmentDiff.Line> differ = env.differences();
        if (differ.isEmpty()) {
            return "Environment: the same in A and B (" + env.lines().size() + " entries).\n";
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("environment differs", "A", "B"));
        differ.forEach(d -> lines.add(List.of(d.key(), cut(d.a()), cut(d.b()))));
        return TextTable.render(lines, List.of(false, false, false));
    }

    private static String cut(String value) {
        String v = value.isEmpty() ? "-" : value;
        return v.length() <= VALUE_WIDTH ? v : v.substring(0, VALUE_WIDTH - 3) + "...";
    }

    public static String interval(ComparisonRow r) {
        return interval(r.ratioLow(), r.ratioHigh());
    }

    /** "[0.912, 0.958]", or "-" when there is no interval. */
    public static String interval(double low, double high) {
        return Double.isNaN(low) ? "-" : "[" + Num.shown(low, 3) + ", " + Num.shown(high, 3) + "]";
    }
}
