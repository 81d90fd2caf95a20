package zcbench.analysis.pairs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import zcbench.analysis.compare.CompareText;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.table.Cell;
import zcbench.analysis.table.Cells;
import zcbench.analysis.table.Mark;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupMarkdown;
import zcbench.analysis.table.TextTable;

/** The "Row pairs" section of the printed table and of speedup.md: one line per pair, nothing without pairs. */
public final class PairsTable {
    public static final String TITLE = "Row pairs";
    public static final List<String> HEADERS = List.of("pair", "payload, target", "rows", "A MB/s", "B MB/s", "B/A",
            "99.9% interval", "verdict");
    public static final List<Boolean> NUMERIC = List.of(false, false, false, true, true, true, true, false);
    private static final String WHAT = "Rows of this run that differ in one knob (A at its default) or only in"
            + " a later variant (A the earlier): B/A is MB/s with its 99.9% interval, a bootstrap over both rows' forks"
            + " and iterations as compare's; the verdict is \"faster\" or \"slower\" when that interval excludes 1, and"
            + " needs two forks or more on both rows.";
    private static final String DRIFT = " The two rows ran at different times of the run, so the machine's drift"
            + " between them counts into B/A.";
    private static final String MARKS = " A's and B's MB/s carry their rows' marks ("
            + Arrays.stream(Mark.values()).map(Mark::word).collect(Collectors.joining(", "))
            + ") as the speedup table does: a B/A is no surer than either of its rows.";
    /** What the section says under its title when no pair was measured in rounds. */
    public static final String EXPLAINED = WHAT + DRIFT + MARKS;
    private static final int WRAP = 100;

    /**
     * {@link #EXPLAINED}, and for pairs measured in rounds how their intervals were made: the drift of the run then
     * counts only into the pairs that were not.
     */
    public static String explained(List<RowPair> pairs) {
        List<RowPair> sure = pairs.stream().filter(p -> p.ratio().interval().exists()).toList();
        long rounds = sure.stream().filter(p -> p.ratio().method() == IntervalMethod.ROUNDS).count();
        if (rounds == 0) {
            return EXPLAINED;
        }
        String others = rounds == sure.size() ? "" : " The pairs not measured in rounds ran at different times of the"
                + " run, so the machine's drift between their rows counts into their B/A.";
        return WHAT + others + IntervalMethod.roundsNote(rounds, sure.size(), "B/A")
                + " Within a round the drift between the two rows is seconds' worth, not the run's." + MARKS;
    }

    private PairsTable() {
    }

    /** Under {@link #HEADERS}; A's and B's MB/s each with its row's marks, as the speedup table shows them. */
    public static List<Cell> cells(RowPair p) {
        return List.of(Cell.plain(p.label()), Cell.plain(p.group()), Cell.plain(p.a().no() + " → " + p.b().no()),
                Cells.mbS(p.a()), Cells.mbS(p.b()), Cell.plain(Num.shown(p.ratio().value(), 3)),
                Cell.plain(CompareText.interval(p.ratio().interval().low(), p.ratio().interval().high())),
                Cell.plain(p.ratio().verdict().text()));
    }

    private static List<String> shown(RowPair p) {
        return cells(p).stream().map(Cell::shown).toList();
    }

    /** For the terminal; empty without pairs. */
    public static String text(List<RowPair> pairs) {
        if (pairs.isEmpty()) {
            return "";
        }
        List<List<String>> lines = new ArrayList<>(List.of(HEADERS));
        pairs.forEach(p -> lines.add(shown(p)));
        return "\n" + TITLE + "\n" + TextTable.wrap(explained(pairs), WRAP, "") + TextTable.render(lines, NUMERIC);
    }

    /** For speedup.md; empty without pairs. */
    public static String markdown(List<RowPair> pairs) {
        if (pairs.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## ").append(TITLE).append("\n\n").append(explained(pairs)).append("\n\n")
                .append(SpeedupMarkdown.line(HEADERS))
                .append(SpeedupMarkdown.line(NUMERIC.stream().map(n -> n ? "---:" : "---").toList()));
        pairs.forEach(p -> md.append(SpeedupMarkdown.line(shown(p))));
        return md.toString();
    }
}
