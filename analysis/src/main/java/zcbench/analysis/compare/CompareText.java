package zcbench.analysis.compare;

import java.util.ArrayList;
import java.util.List;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.TextTable;

/** The comparison for the terminal. */
public final class CompareText {
    private static final List<String> HEADERS = List.of("test", "A MB/s", "B MB/s", "B/A", "99.9% interval",
            "verdict", "copied % A / B");
    private static final List<Boolean> NUMERIC = List.of(false, true, true, true, true, false, true);

    private CompareText() {
    }

    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder(summary(c)).append("\n\n");
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADERS);
        c.matched().forEach(r -> lines.add(List.of(r.label(), Num.shown(r.a().mbS().score(), 0),
                Num.shown(r.b().mbS().score(), 0), Num.shown(r.ratio(), 3), interval(r), r.verdict().text(),
                Num.shown(r.a().copiedPct(), 0) + " / " + Num.shown(r.b().copiedPct(), 0))));
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

    /** Which runs, what is compared, what rows are matched on, and the rule for the verdict. */
    public static String summary(Comparison c) {
        return "A: " + c.a().jmhJson() + "\nB: " + c.b().jmhJson() + "\n"
                + (c.compared().isEmpty() ? "" : "Compared: " + String.join("; ", c.compared()) + ". ")
                + "Rows matched on " + String.join(", ", c.matchedOn()) + ". B/A is MB/s; a verdict is "
                + "\"no difference\" whenever the two 99.9% intervals overlap.";
    }

    public static String interval(ComparisonRow r) {
        return Double.isNaN(r.ratioLow()) ? "-"
                : "[" + Num.shown(r.ratioLow(), 3) + ", " + Num.shown(r.ratioHigh(), 3) + "]";
    }
}
