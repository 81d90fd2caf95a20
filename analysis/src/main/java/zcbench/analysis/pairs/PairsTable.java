package zcbench.analysis.pairs;

import java.util.ArrayList;
import java.util.List;
import zcbench.analysis.compare.CompareText;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupMarkdown;
import zcbench.analysis.table.TextTable;

/** The "Row pairs" section of the printed table and of speedup.md: one line per pair, nothing without pairs. */
public final class PairsTable {
    public static final String TITLE = "Row pairs";
    public static final List<String> HEADERS = List.of("pair", "payload, target", "rows", "A MB/s", "B MB/s", "B/A",
            "99.9% interval", "verdict");
    public static final List<Boolean> NUMERIC = List.of(false, false, false, true, true, true, true, false);
    /** What the section says under its title. */
    public static final String EXPLAINED = "Rows of this run that differ in one knob (A at its default) or only in"
            + " a later variant (A the earlier): B/A is MB/s with its 99.9% interval, a bootstrap over both rows' forks"
            + " and iterations as compare's; the verdict is \"faster\" or \"slower\" when that interval excludes 1, and"
            + " needs two forks or more on both rows. The two rows ran at different times of the run, so the"
            + " machine's drift between them counts into B/A.";
    private static final int WRAP = 100;

    private PairsTable() {
    }

    public static List<String> cells(RowPair p) {
        return List.of(p.label(), p.group(), p.a().no() + " → " + p.b().no(), Num.shown(p.a().mbS().score(), 0),
                Num.shown(p.b().mbS().score(), 0), Num.shown(p.ratio().value(), 3),
                CompareText.interval(p.ratio().interval().low(), p.ratio().interval().high()),
                p.ratio().verdict().text());
    }

    /** For the terminal; empty without pairs. */
    public static String text(List<RowPair> pairs) {
        if (pairs.isEmpty()) {
            return "";
        }
        List<List<String>> lines = new ArrayList<>(List.of(HEADERS));
        pairs.forEach(p -> lines.add(cells(p)));
        return "\n" + TITLE + "\n" + TextTable.wrap(EXPLAINED, WRAP, "") + TextTable.render(lines, NUMERIC);
    }

    /** For speedup.md; empty without pairs. */
    public static String markdown(List<RowPair> pairs) {
        if (pairs.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## ").append(TITLE).append("\n\n").append(EXPLAINED).append("\n\n")
                .append(SpeedupMarkdown.line(HEADERS))
                .append(SpeedupMarkdown.line(NUMERIC.stream().map(n -> n ? "---:" : "---").toList()));
        pairs.forEach(p -> md.append(SpeedupMarkdown.line(cells(p))));
        return md.toString();
    }
}
