package zcbench.analysis.report;

import java.util.List;
import java.util.Locale;
import zcbench.analysis.compare.CompareText;
import zcbench.analysis.compare.Comparison;
import zcbench.analysis.compare.ComparisonRow;
import zcbench.analysis.compare.EnvironmentDiff;
import zcbench.analysis.compare.Verdict;
import zcbench.analysis.table.Cell;
import zcbench.analysis.table.Cells;
import zcbench.analysis.table.Num;
import zcbench.vocabulary.RowKey;

/**
 * compare.html: warnings first, the ratios chart, the table (tr.compare-row, id cmp-N), the rows found in one run
 * only, and both environments side by side (tr.differs where they differ).
 */
final class CompareHtml {
    private static final List<String> HEADERS = List.of("no", RowKey.COLUMN, "A MB/s", "+/-", "B MB/s", "+/-", "B/A",
            "99.9% interval", "verdict", "A copied %", "B copied %");
    private static final List<Boolean> NUMERIC = List.of(true, false, true, true, true, true, true, true, false,
            true, true);
    /**
     * The figures of each run's row in the table, in their order there: NOISY stands by +/-, COPIED by copied %, as
     * in the speedup table, and beside MB/s each mark whose figure this table does not show.
     */
    private static final List<String> SIDE = List.of(Cells.MB_S, Cells.ERROR, Cells.COPIED);

    private CompareHtml() {
    }

    static String render(Comparison c) {
        String title = "zcbench comparison: " + c.a().name() + " vs " + c.b().name();
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(title)).append("</h1>\n<p class=\"sub\">");
        CompareText.summary(c).lines().forEach(l -> b.append(Html.esc(l)).append("<br>"));
        b.append("A: ").append(Html.esc(Html.setup(c.a()))).append("<br>B: ").append(Html.esc(Html.setup(c.b())))
                .append("</p>\n");
        List<String> differ = c.environment().differences().stream().map(EnvironmentDiff.Line::key).toList();
        if (!differ.isEmpty()) {
            b.append("<p class=\"sub\" id=\"env-differs\">The environments differ in ")
                    .append(Html.esc(String.join(", ", differ))).append(" (side by side at the end).</p>\n");
        }
        for (String w : c.warnings()) {
            b.append("<div class=\"banner noisy warning\">").append(Html.esc("WARNING: " + w)).append("</div>\n");
        }
        List<ComparisonRow> matched = c.matched();
        if (!matched.isEmpty()) {
            String chartTitle = "B/A per row (A: " + c.a().name() + ", B: " + c.b().name() + ")";
            b.append("<div class=\"chart\">\n").append(Charts.ratios(
                    matched.stream().map(r -> Charts.marked(r.label(), r.a(), r.b())).toList(),
                    matched.stream().map(ComparisonRow::asRatio).toList(), chartTitle, "ratio-chart"))
                    .append("\n</div>\n");
        }
        b.append("<div class=\"scroll\"><table class=\"compare\">\n").append(Html.th(HEADERS, NUMERIC));
        int no = 0;
        for (ComparisonRow r : matched) {
            List<Cell> sideA = Cells.figures(r.a(), SIDE);
            List<Cell> sideB = Cells.figures(r.b(), SIDE);
            b.append("<tr class=\"compare-row\" id=\"cmp-").append(++no).append("\">")
                    .append(Html.td(Integer.toString(no), true)).append(Html.td(r.label(), false))
                    .append(Html.td(sideA.get(0), true)).append(Html.td(sideA.get(1), true))
                    .append(Html.td(sideB.get(0), true)).append(Html.td(sideB.get(1), true))
                    .append(Html.td(Num.shown(r.ratio(), 3), true))
                    .append(Html.td(CompareText.interval(r), true)).append("<td><span class=\"badge ")
                    .append(r.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">")
                    .append(Html.esc(r.verdict().text())).append("</span></td>")
                    .append(Html.td(sideA.get(2), true)).append(Html.td(sideB.get(2), true))
                    .append("</tr>\n");
        }
        b.append("</table></div>\n");
        for (Verdict side : List.of(Verdict.ONLY_A, Verdict.ONLY_B)) {
            List<ComparisonRow> only = c.only(side);
            if (!only.isEmpty()) {
                b.append("<h2>Rows ").append(side.text()).append(" (not compared)</h2>\n")
                        .append(Html.list("only", only.stream().map(ComparisonRow::label).toList()));
            }
        }
        b.append(environment(c));
        return Html.page(title, b.toString());
    }

    private static String environment(Comparison c) {
        EnvironmentDiff env = c.environment();
        StringBuilder s = new StringBuilder("<h2>Environment</h2>\n");
        if (env.isEmpty()) {
            return s.append("<p>No env.json beside either run.</p>\n").toString();
        }
        int differ = env.differences().size();
        s.append("<p class=\"sub\">").append(differ == 0 ? "The same in A and B." : differ + " of "
                + env.lines().size() + " entries differ (highlighted); captured_at, finished_at and the load "
                + "averages always do and are not.").append("</p>\n");
        s.append("<table class=\"env\">\n<tr><th>key</th><th>A: ").append(Html.esc(c.a().name()))
                .append("</th><th>B: ").append(Html.esc(c.b().name())).append("</th></tr>\n");
        for (EnvironmentDiff.Line l : env.lines()) {
            s.append(l.differs() ? "<tr class=\"differs\">" : "<tr>").append(Html.td(l.key(), false))
                    .append(Html.td(l.a(), false)).append(Html.td(l.b(), false)).append("</tr>\n");
        }
        return s.append("</table>\n").toString();
    }
}
