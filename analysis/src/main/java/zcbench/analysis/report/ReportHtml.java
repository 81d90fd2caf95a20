package zcbench.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import zcbench.analysis.table.Cells;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;

/**
 * report.html: one self-contained page. Each table row is a tr.result-row with id row-N, and each bar of
 * ours in the charts an SVG g.bar-mark with id bar-N.
 */
final class ReportHtml {
    private static final List<String> EXTRA = List.of("notif./pkt", "retries/pkt", "enters/pkt");

    private ReportHtml() {
    }

    static String render(SpeedupTable table) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>zcbench report: ").append(Html.esc(table.run().name())).append("</h1>\n")
                .append("<p class=\"sub\">").append(table.rows().size()).append(" rows from ")
                .append(Html.esc(table.run().jmhJson().toString())).append("<br>")
                .append(Html.esc(Html.setup(table.run()))).append("<br>").append(Html.esc(Cells.heading(table)))
                .append("</p>\n");
        table.copiedWarning().ifPresent(w -> b.append("<div class=\"banner\" id=\"copied-banner\">")
                .append(Html.esc(w)).append("</div>\n"));
        b.append("<h2>Speedup table</h2>\n");
        for (SpeedupTable.Group g : table.groups()) {
            b.append("<h3>").append(Html.esc(g.title())).append("</h3>\n").append(speedupTable(table, g));
        }
        b.append(Html.list("notes", Cells.notes(table)));
        b.append("<h2>MB/s per row</h2>\n<div class=\"chart\">\n");
        int chart = 0;
        for (SpeedupTable.Group g : table.groups()) {
            b.append(Charts.mbS(g, "mbs-chart-" + ++chart)).append("\n");
        }
        b.append("</div>\n");
        Charts.mbSByPayload(table, "payload-chart").ifPresent(svg -> b.append("<h2>MB/s against payload</h2>\n")
                .append("<div class=\"chart\">\n").append(svg).append("\n</div>\n"));
        b.append("<h2>Environment</h2>\n").append(environment(table.run().env()));
        return Html.page("zcbench report: " + table.run().name(), b.toString());
    }

    private static String speedupTable(SpeedupTable table, SpeedupTable.Group g) {
        boolean cpu = table.hasCpu();
        List<String> headers = new ArrayList<>(Cells.HEADERS);
        headers.addAll(EXTRA);
        List<Boolean> numeric = new ArrayList<>(Cells.NUMERIC);
        EXTRA.forEach(e -> numeric.add(true));
        if (cpu) {
            headers.add("CPU ns/pkt");
            numeric.add(true);
        }
        StringBuilder s = new StringBuilder("<table class=\"speedup\">\n").append(Html.th(headers, numeric));
        for (SpeedupRow r : g.rows()) {
            s.append("<tr class=\"result-row").append(r.copiedZeroCopy() ? " copied" : "").append("\" id=\"row-")
                    .append(r.no()).append("\">");
            List<String> cells = Cells.of(table, r);
            for (int i = 0; i < cells.size() - 1; i++) {
                s.append(Html.td(cells.get(i), Cells.NUMERIC.get(i)));
            }
            s.append(Html.copied(r));
            for (String counter : List.of("notifications", "retries", "enters")) {
                s.append(Html.td(Num.shown(r.perPacket().get(counter), 3), true));
            }
            if (cpu) {
                s.append(Html.td(Num.shown(r.cpu().get("cpu_ns_per_packet"), 0), true));
            }
            s.append("</tr>\n");
        }
        return s.append("</table>\n").toString();
    }

    private static String environment(Map<String, String> env) {
        if (env.isEmpty()) {
            return "<p>No env.json beside the results.</p>\n";
        }
        StringBuilder s = new StringBuilder("<table class=\"env\">\n<tr><th>key</th><th>value</th></tr>\n");
        env.forEach((k, v) -> s.append("<tr>").append(Html.td(k, false)).append(Html.td(v, false))
                .append("</tr>\n"));
        return s.append("</table>\n").toString();
    }
}
