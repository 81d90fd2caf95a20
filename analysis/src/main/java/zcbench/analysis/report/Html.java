package zcbench.analysis.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import zcbench.analysis.jmh.JmhResult;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.table.Cell;

/** The parts both HTML pages share: the page itself with its style, escaping, cells. */
final class Html {
    private static final String STYLE = """
            body { font-family: "DejaVu Sans", "Liberation Sans", system-ui, sans-serif; color: #1a202c;
                   max-width: 1320px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
            h1 { font-size: 24px; margin-bottom: 4px; }
            h2 { font-size: 20px; margin-top: 36px; border-bottom: 2px solid #e2e8f0; padding-bottom: 4px; }
            h3 { font-size: 16px; margin: 20px 0 6px; }
            .sub { color: #4a5568; margin-top: 0; }
            .headline { font-size: 19px; line-height: 1.4; margin: 6px 0 10px; max-width: 1100px; }
            .caption { color: #4a5568; font-size: 13px; margin: -12px 0 18px; }
            .banner { background: #fff5f5; border: 3px solid #c53030; color: #742a2a; border-radius: 6px;
                      padding: 12px 16px; font-weight: 600; margin: 16px 0; }
            .notes { background: #f7fafc; border-left: 4px solid #a0aec0; padding: 8px 16px 8px 28px;
                     color: #2d3748; font-size: 14px; }
            .notes li { margin: 4px 0; }
            table { border-collapse: collapse; font-size: 13px; margin: 4px 0 12px; }
            table.speedup td:nth-child(2), table.compare td:nth-child(2) { min-width: 16em; }
            table.speedup th, table.compare th { white-space: normal; vertical-align: bottom; }
            .scroll { overflow-x: auto; }
            th, td { padding: 4px 8px; border-bottom: 1px solid #e2e8f0; text-align: left; vertical-align: top; }
            th { background: #edf2f7; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.copied td { background: #fff5f5; }
            .badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 700;
                     color: #fff; background: #718096; margin-left: 4px; }
            .badge.copied, .badge.undelivered, .badge.slower { background: #c53030; }
            .badge.noisy, .badge.stolen { background: #b7791f; }
            tr.noisy td:nth-child(4) { background: #fffbeb; }
            .banner.noisy { background: #fffbeb; border-color: #b7791f; color: #744210; }
            .banner.not-a-measurement { background: #fffbeb; border-color: #b7791f; color: #744210; font-size: 18px; }
            .badge.faster { background: #2f855a; }
            table.env td { font-family: "DejaVu Sans Mono", monospace; overflow-wrap: break-word; max-width: 640px; }
            table.env td:first-child { white-space: nowrap; }
            table.env tr.differs td { background: #fffbeb; }
            table.env tr.differs td:first-child { border-left: 4px solid #d69e2e; font-weight: 700; }
            a { color: #2b6cb0; }
            td.flame a { margin-right: 6px; }
            table.profile td:nth-child(2) { white-space: nowrap; }
            table.profile th, table.profile th.num { white-space: normal; vertical-align: bottom; }
            .chart svg { width: 100%; height: auto; display: block; margin: 8px 0 20px; }
            """;

    private Html() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String th(List<String> headers, List<Boolean> numeric) {
        StringBuilder s = new StringBuilder("<tr>");
        for (int i = 0; i < headers.size(); i++) {
            s.append(numeric.get(i) ? "<th class=\"num\">" : "<th>").append(esc(headers.get(i))).append("</th>");
        }
        return s.append("</tr>\n").toString();
    }

    static String td(String text, boolean numeric) {
        return (numeric ? "<td class=\"num\">" : "<td>") + esc(text) + "</td>";
    }

    /** A figure with a badge per mark beside it, classed by the mark ("badge noisy"). */
    static String td(Cell cell, boolean numeric) {
        StringBuilder s = new StringBuilder(numeric ? "<td class=\"num\">" : "<td>").append(esc(cell.text()));
        cell.marks().forEach(m -> s.append("<span class=\"badge ").append(m.id()).append("\">").append(m.word())
                .append("</span>"));
        return s.append("</td>").toString();
    }

    static String link(String href, String text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    /** A relative URL from folder from to file to, each segment percent-encoded. */
    static String href(Path from, Path to) {
        Path rel = from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize());
        List<String> segments = new ArrayList<>();
        rel.forEach(p -> segments.add(encode(p.toString())));
        return String.join("/", segments);
    }

    private static String encode(String segment) {
        StringBuilder s = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                s.append((char) c);
            } else {
                s.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return s.toString();
    }

    static String list(String cssClass, List<String> items) {
        StringBuilder s = new StringBuilder("<ul class=\"" + cssClass + "\">\n");
        items.forEach(i -> s.append("<li>").append(esc(i)).append("</li>\n"));
        return s.append("</ul>\n").toString();
    }

    /** How the run was measured: its rows' timings (usually one), JMH and the JDK, and zcbench's version. */
    static String setup(Run run) {
        JmhResult r = run.results().getFirst();
        String timings = String.join("; ", run.results().stream().map(JmhResult::timing).distinct().toList());
        return timings + " per row; JMH " + r.jmhVersion() + ", JDK " + r.jdkVersion() + ", zcbench "
                + run.env().getOrDefault("zcbench_version", "(version not recorded)");
    }
}
