package zcbench.analysis.report;

import java.util.List;
import java.util.Optional;
import zcbench.analysis.crossover.Crossover;
import zcbench.analysis.crossover.CrossoverPoint;
import zcbench.analysis.crossover.CrossoverText;
import zcbench.analysis.rfc.V5Figures;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.v5.V5Table;
import zcbench.vocabulary.ResultFiles;

/**
 * report.html's sections for a run that sweeps payloads (the crossover sentence under the headline, the sweep
 * chart and the ratio table: tr.crossover-row with id crossover-N) and for a run of plan v5 (the letter's table
 * beside ours: tr.v5-row with id v5-N).
 */
final class SweepHtml {
    private static final List<String> RATIO_HEADERS = List.of("pair", "bytes", "zero-copy MB/s", "copying MB/s",
            "ratio [99.9%]");
    private static final List<Boolean> RATIO_NUMERIC = List.of(false, true, true, true, true);

    private SweepHtml() {
    }

    /** The crossover sentences, each a headline paragraph; empty without a sweep. */
    static String headline(List<Crossover> crossovers) {
        StringBuilder b = new StringBuilder();
        List<String> sentences = CrossoverText.sentences(crossovers);
        for (int i = 0; i < sentences.size(); i++) {
            b.append("<p class=\"headline\" id=\"crossover-headline-").append(i + 1).append("\">")
                    .append(Html.esc(sentences.get(i))).append("</p>\n");
        }
        return b.toString();
    }

    /** The sweep chart and the ratio at every payload; empty without a sweep. */
    static String crossover(SpeedupTable table, List<Crossover> crossovers) {
        Optional<String> chart = CrossoverChart.of(table, crossovers, "crossover-chart");
        if (chart.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>From which payload zero-copy pays</h2>\n<div class=\"chart\">\n")
                .append(chart.get()).append("\n</div>\n<p class=\"caption\">Each zero-copy path's MB/s over its "
                        + "copying counterpart's at every payload (also in ").append(ResultFiles.CROSSOVER_CSV)
                .append("); the crossover is interpolated on log(payload) where the ratio last crosses 1 from "
                        + "below.</p>\n<div class=\"scroll\"><table class=\"crossover\">\n")
                .append(Html.th(RATIO_HEADERS, RATIO_NUMERIC));
        int n = 0;
        for (Crossover c : crossovers) {
            for (CrossoverPoint p : c.points()) {
                Interval i = p.ratioInterval();
                String ratio = Num.fixed(p.ratio(), 2) + (i.exists() ? " [" + Num.fixed(i.low(), 2) + ", "
                        + Num.fixed(i.high(), 2) + "]" : "");
                b.append("<tr class=\"crossover-row").append(p.ratio() > 1 ? " pays" : "").append("\" id=\"crossover-")
                        .append(++n).append("\">").append(Html.td(c.zeroCopy() + " / " + c.copying() + ", "
                                + c.target(), false))
                        .append(Html.td(Integer.toString(p.payload()), true))
                        .append(Html.td(Num.fixed(p.zeroCopy().mean(), 0), true))
                        .append(Html.td(Num.fixed(p.copying().mean(), 0), true)).append(Html.td(ratio, true))
                        .append("</tr>\n");
            }
        }
        return b.append("</table></div>\n").toString();
    }

    /** Plan v5's table beside the letter's; empty when no row maps onto it. */
    static String v5(Optional<V5Table> v5) {
        if (v5.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>The 2022 series' table: ours beside the published</h2>\n")
                .append("<div class=\"scroll\"><table class=\"v5\">\n")
                .append(Html.th(V5Table.HEADERS, V5Table.NUMERIC));
        int n = 0;
        for (V5Table.Line l : v5.get().lines()) {
            b.append("<tr class=\"v5-row\" id=\"v5-").append(++n).append("\">");
            List<String> cells = l.cells();
            for (int i = 0; i < cells.size(); i++) {
                b.append(Html.td(cells.get(i), V5Table.NUMERIC.get(i)));
            }
            b.append("</tr>\n");
        }
        return b.append("</table></div>\n").append(Html.list("notes", V5Figures.MAPPING_NOTES)).toString();
    }
}
