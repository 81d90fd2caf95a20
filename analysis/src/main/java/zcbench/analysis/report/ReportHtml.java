package zcbench.analysis.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import zcbench.analysis.crossover.Crossover;
import java.util.stream.Stream;
import zcbench.analysis.pairs.PairsTable;
import zcbench.analysis.pairs.RowPair;
import zcbench.analysis.profile.FlameGraphs;
import zcbench.analysis.profile.ProfileSummaryFile;
import zcbench.analysis.profile.RunProfiles;
import zcbench.analysis.table.Cell;
import zcbench.analysis.table.Cells;
import zcbench.analysis.table.Headline;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SideTables;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.trials.Trials;
import zcbench.analysis.v5.V5Table;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.ResultFiles;

/**
 * report.html: one self-contained page that makes its point first: the headline sentence, the speedup chart
 * (ours beside the RFC's, with intervals and a line at 1), then MB/s, CPU ns per packet and, when the run was
 * profiled, where the time went, then the tables and the environment. Each table row is a tr.result-row with
 * id row-N; each bar of ours is an SVG g.bar-mark with id bar-N (g.speedup-mark, speedup-N in the speedup
 * chart); a noisy row's marks also have the class noisy. A run with row pairs has their table after the speedup
 * tables, each a tr.pair-row with id pair-N. When the run has flame graphs each row links to its
 * own (relative links, so the run folder can be moved or served as it is). A run that sweeps payloads opens with
 * its crossover sentences and its sweep chart, before the speedup chart; a run of plan v5 adds
 * the 2022 letter's table beside ours ({@link SweepHtml}).
 */
final class ReportHtml {
    /** Per-packet counters beside the table's own columns, each with its header. */
    private static final Map<Counter, String> EXTRA = extra();
    private static final Map<CpuMetric, String> SENDING_CPU = sendingCpu();
    private static final String FLAME = "flame graph";

    private ReportHtml() {
    }

    /** @param outDir where report.html goes: links to flame graphs are relative to it */
    static String render(RunAnalysis run, RunProfiles profiles) {
        SpeedupTable table = run.table();
        List<RowPair> pairs = run.pairs();
        Path outDir = run.dir();
        List<Crossover> crossovers = run.crossovers();
        Optional<V5Table> v5 = run.v5();
        StringBuilder b = new StringBuilder();
        table.run().notAMeasurement().ifPresent(n -> b.append("<p class=\"banner not-a-measurement\" "
                + "id=\"not-a-measurement\">").append(Html.esc(n)).append("</p>\n"));
        b.append("<h1>zcbench report: ").append(Html.esc(table.run().name())).append("</h1>\n");
        if (table.measurement()) {
            // A payload sweep is run for its crossovers: they come first, the RFC's headline after them.
            b.append(SweepHtml.headline(crossovers)).append("<p class=\"headline\" id=\"headline\">")
                    .append(Html.esc(Headline.of(table))).append("</p>\n");
        }
        b.append("<p class=\"sub\">").append(table.rows().size()).append(" rows, ")
                .append(Html.esc(Html.setup(table.run()))).append(". ").append(Html.esc(machine(table)))
                .append("</p>\n");
        table.copiedWarning().ifPresent(w -> b.append("<div class=\"banner\" id=\"copied-banner\">")
                .append(Html.esc(w)).append("</div>\n"));
        table.undeliveredWarning().ifPresent(w -> b.append("<div class=\"banner\" id=\"undelivered-banner\">")
                .append(Html.esc(w)).append("</div>\n"));
        if (!table.noisyRows().isEmpty()) {
            b.append("<div class=\"banner noisy\" id=\"noisy-banner\">").append(Html.esc(table.noiseSummary()))
                    .append("</div>\n");
        }
        b.append(SweepHtml.crossover(table, crossovers));
        if (table.measurement()) {
            Charts.speedup(table, "speedup-chart").ifPresent(svg -> b.append("<div class=\"chart\">\n")
                    .append(svg).append("\n</div>\n<p class=\"caption\">").append(Html.esc(Cells.heading(table)))
                    .append(" The RFC measured on bare metal in 2021; the claim under test is the speedup, not "
                            + "the MB/s.</p>\n"));
        }
        b.append("<h2>MB/s per row</h2>\n<div class=\"chart\">\n");
        int chart = 0;
        for (SpeedupTable.Group g : table.groups()) {
            b.append(Charts.mbS(table, g, "mbs-chart-" + ++chart)).append("\n");
        }
        b.append("</div>\n");
        Charts.mbSByPayload(table, "payload-chart").ifPresent(svg -> b.append("<h2>MB/s against payload</h2>\n")
                .append("<div class=\"chart\">\n").append(svg).append("\n</div>\n"));
        b.append(SweepHtml.v5(v5));
        Charts.cpu(table, "cpu-chart").ifPresent(svg -> b.append("<h2>CPU time per packet</h2>\n")
                .append("<div class=\"chart\">\n").append(svg).append("\n</div>\n"));
        profiles.summary().ifPresent(s -> b.append(whereTheTimeWent(table, s, profiles.flames(), outDir)));
        b.append(sideTable(SideTables.EVENTS, "events-table", SideTables.events(table)));
        b.append(sideTable(SideTables.LATENCY, "latency-table", SideTables.latency(table)));
        LatencyChart.of(table, "latency-chart").ifPresent(svg -> b.append("<div class=\"chart\">\n").append(svg)
                .append("\n</div>\n"));
        Trials.of(table.run().dir()).ifPresent(t -> b.append(drift(t)));
        b.append("<h2>Speedup table</h2>\n");
        for (SpeedupTable.Group g : table.groups()) {
            b.append("<h3>").append(Html.esc(g.title())).append("</h3>\n")
                    .append(speedupTable(table, g, profiles.flames(), outDir));
        }
        if (!pairs.isEmpty()) {
            b.append(pairsTable(pairs));
        }
        List<String> notes = new ArrayList<>();
        if (table.noisyRows().isEmpty()) {
            notes.add(table.noiseSummary());
        }
        notes.addAll(Cells.notes(table));
        notes.addAll(profiles.notes());
        b.append(Html.list("notes", notes));
        b.append("<h2>Environment</h2>\n").append(environment(table.run().env()));
        return Html.page("zcbench report: " + table.run().name(), b.toString());
    }

    /** Kernel, CPUs and how busy the machine was, from env.json: what a reader asks first of a number. */
    private static String machine(SpeedupTable table) {
        var env = table.run().env();
        List<String> parts = new ArrayList<>();
        if (env.containsKey("kernel")) {
            parts.add("Kernel " + env.get("kernel"));
        }
        if (env.containsKey("cpus_online")) {
            parts.add(env.get("cpus_online") + " CPUs" + (env.containsKey("cpu_model") ? " (" + env.get("cpu_model")
                    + ")" : ""));
        }
        if (env.containsKey("steal_pct_during_run")) {
            parts.add("steal time " + env.get("steal_pct_during_run") + "% during the run");
        }
        if (env.containsKey("loadavg_at_start")) {
            parts.add("load average at start " + env.get("loadavg_at_start"));
        }
        return parts.isEmpty() ? "No env.json beside the results." : String.join(", ", parts) + ".";
    }

    private static String speedupTable(SpeedupTable table, SpeedupTable.Group g, FlameGraphs flames, Path outDir) {
        List<String> headers = new ArrayList<>(Cells.headers(table));
        List<Boolean> numeric = new ArrayList<>(Cells.numeric(table));
        headers.addAll(EXTRA.values());
        EXTRA.forEach((c, header) -> numeric.add(true));
        if (!flames.isEmpty()) {
            headers.add(FLAME);
            numeric.add(false);
        }
        StringBuilder s = new StringBuilder("<div class=\"scroll\"><table class=\"speedup\">\n")
                .append(Html.th(headers, numeric));
        for (SpeedupRow r : g.rows()) {
            s.append("<tr class=\"result-row").append(r.copiedZeroCopy() ? " copied" : "")
                    .append(r.noisy() ? " noisy" : "").append("\" id=\"row-").append(r.no()).append("\">");
            List<Cell> cells = Cells.cells(table, r);
            for (int i = 0; i < cells.size(); i++) {
                s.append(Html.td(cells.get(i), numeric.get(i)));
            }
            for (Counter counter : EXTRA.keySet()) {
                s.append(Html.td(Num.shown(r.perPacket().get(counter.id()), 3), true));
            }
            if (!flames.isEmpty()) {
                s.append(flameCell(flames, r, outDir));
            }
            s.append("</tr>\n");
        }
        return s.append("</table></div>\n").toString();
    }

    /** A table beside the speedup table (SideTables), with its heading and caption; empty without lines. */
    private static String sideTable(SideTables.Title title, String id, List<List<String>> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        List<Boolean> numeric = SideTables.numeric(lines);
        StringBuilder s = new StringBuilder("<h2>").append(title.heading())
                .append("</h2>\n<div class=\"scroll\"><table id=\"").append(id).append("\">\n")
                .append(Html.th(lines.getFirst(), numeric));
        for (List<String> line : lines.subList(1, lines.size())) {
            s.append("<tr>");
            for (int i = 0; i < line.size(); i++) {
                s.append(Html.td(line.get(i), numeric.get(i)));
            }
            s.append("</tr>\n");
        }
        return s.append("</table></div>\n<p class=\"caption\">").append(Html.esc(title.caption())).append("</p>\n")
                .toString();
    }

    /** The forks against time and the drift between the first and the last round, from trials.csv. */
    private static String drift(Trials trials) {
        StringBuilder s = new StringBuilder();
        DriftChart.of(trials, "drift-chart").ifPresent(svg -> s.append("<h2 id=\"drift\">Drift over the run</h2>\n")
                .append("<div class=\"chart\">\n").append(svg).append("\n</div>\n"));
        trials.driftSentence().ifPresent(d -> s.append("<p class=\"caption\" id=\"drift-sentence\">")
                .append(Html.esc(d)).append(" In rounds every row meets the drift alike, and a ratio is taken"
                        + " within each round; row by row, it counts into the ratio of two rows.</p>\n"));
        return s.toString();
    }

    /** One tr.pair-row per pair, id pair-N from 1 in the order of pairs.csv. */
    private static String pairsTable(List<RowPair> pairs) {
        StringBuilder s = new StringBuilder("<h2 id=\"row-pairs\">").append(PairsTable.TITLE).append("</h2>\n")
                .append("<p class=\"sub\">").append(Html.esc(PairsTable.explained(pairs))).append("</p>\n")
                .append("<div class=\"chart\">\n").append(Charts.ratios(pairs.stream()
                        .map(p -> Charts.marked(p.label(), p.a(), p.b())).toList(),
                        pairs.stream().map(RowPair::ratio).toList(), "B/A per row pair", "pairs-chart"))
                .append("\n</div>\n")
                .append("<div class=\"scroll\"><table class=\"pairs\">\n")
                .append(Html.th(Stream.concat(Stream.of("no"), PairsTable.HEADERS.stream()).toList(),
                        Stream.concat(Stream.of(true), PairsTable.NUMERIC.stream()).toList()));
        for (int i = 0; i < pairs.size(); i++) {
            // numbered as in the chart above
            s.append("<tr class=\"pair-row\" id=\"pair-").append(i + 1).append("\">")
                    .append(Html.td(Integer.toString(i + 1), true));
            List<Cell> cells = PairsTable.cells(pairs.get(i));
            for (int c = 0; c < cells.size(); c++) {
                s.append(Html.td(cells.get(c), PairsTable.NUMERIC.get(c)));
            }
            s.append("</tr>\n");
        }
        return s.append("</table></div>\n").toString();
    }

    private static String flameCell(FlameGraphs flames, SpeedupRow r, Path outDir) {
        List<FlameGraphs.Graph> graphs = flames.of(r.row());
        if (graphs.isEmpty()) {
            return Html.td("-", false);
        }
        List<String> links = graphs.stream().map(f -> Html.link(Html.href(outDir, f.file()), f.mode())).toList();
        return "<td class=\"flame\">" + String.join(" ", links) + "</td>";
    }

    /** profile-summary.csv in the speedup table's row order; lines no result row matches come last. */
    private static String whereTheTimeWent(SpeedupTable table, ProfileSummaryFile summary, FlameGraphs flames,
            Path outDir) {
        List<String> headers = new ArrayList<>(List.of("no", "test"));
        List<Boolean> numeric = new ArrayList<>(List.of(true, false));
        for (String c : summary.columns()) {
            headers.add(label(c));
            numeric.add(isNumeric(summary, c));
        }
        // The sending CPU's nanoseconds beside the samples' shares, where the run measured them.
        boolean sendingCpu = table.rows().stream().anyMatch(SpeedupRow::sendingCpuMeasured);
        if (sendingCpu) {
            SENDING_CPU.values().forEach(h -> {
                headers.add(h);
                numeric.add(true);
            });
        }
        if (!flames.isEmpty()) {
            headers.add(FLAME);
            numeric.add(false);
        }
        StringBuilder s = new StringBuilder("<h2>Where the time went</h2>\n");
        Charts.timeWent(table, summary, "time-chart").ifPresent(svg -> s.append("<div class=\"chart\">\n")
                .append(svg).append("\n</div>\n"));
        s.append("<p class=\"sub\">From ")
                .append(ResultFiles.PROFILE_SUMMARY_CSV)
                .append(": the share of each row's CPU samples (every thread of the "
                        + "fork, measured iterations only) by where they were taken, the leaf-most kernel frame "
                        + "deciding; a line adds up to 100 %. The categories are defined in the profiles module's "
                        + "CATEGORIES.md. A line whose kernel frames is false has no kernel stacks: its kernel "
                        + "time counts as user (its note says why)."
                        + (sendingCpu ? " Beside them, from the CPU profiler over the same measured iterations, in "
                        + "ns per packet: the sending CPU's busy time (/proc/stat, 10 ms ticks), the sender thread's "
                        + "own run time (schedstat), the softirq time ticks caught on the sending CPU, and the fork's "
                        + "other threads (JIT, GC, JMH), which run on the other CPUs; " + ResultFiles.SPEEDUP_CSV
                        + "'s columns of the same names say what each cannot see." : "") + "</p>\n")
                .append("<div class=\"scroll\"><table class=\"profile\">\n").append(Html.th(headers, numeric));
        List<ProfileSummaryFile.Line> shown = new ArrayList<>();
        for (SpeedupRow r : table.rows()) {
            summary.line(r.row()).ifPresent(line -> {
                shown.add(line);
                s.append(profileRow(Integer.toString(r.no()), r.test(), line, summary, numeric,
                        sendingCpu ? sendingCpuCells(r) : "", flames.isEmpty() ? null : flameCell(flames, r, outDir)));
            });
        }
        String noCpu = sendingCpu ? Html.td("-", true).repeat(SENDING_CPU.size()) : "";
        summary.lines().stream().filter(l -> !shown.contains(l)).forEach(l -> s.append(profileRow("-", l.row(), l,
                summary, numeric, noCpu, flames.isEmpty() ? null : Html.td("-", false))));
        return s.append("</table></div>\n").toString();
    }

    private static String profileRow(String no, String test, ProfileSummaryFile.Line line, ProfileSummaryFile summary,
            List<Boolean> numeric, String cpuCells, String flameCell) {
        StringBuilder s = new StringBuilder("<tr class=\"profile-row\" id=\"profile-").append(no.equals("-")
                ? "x-" + Html.esc(line.row()) : no).append("\">").append(Html.td(no, true)).append(Html.td(test, false));
        for (int i = 0; i < summary.columns().size(); i++) {
            s.append(Html.td(line.values().get(summary.columns().get(i)), numeric.get(i + 2)));
        }
        s.append(cpuCells);
        if (flameCell != null) {
            s.append(flameCell);
        }
        return s.append("</tr>\n").toString();
    }

    /** The sending CPU's figures of the row, each with the marks the speedup table puts beside it (STOLEN). */
    private static String sendingCpuCells(SpeedupRow r) {
        List<String> headers = List.copyOf(SENDING_CPU.values());
        StringBuilder s = new StringBuilder();
        SENDING_CPU.forEach((m, header) -> s.append(Html.td(new Cell(Num.shown(r.cpu().get(m.id()), 0),
                Cells.beside(r, header, headers)), true)));
        return s.toString();
    }

    private static Map<CpuMetric, String> sendingCpu() {
        Map<CpuMetric, String> columns = new LinkedHashMap<>();
        columns.put(CpuMetric.NS_PER_PACKET, Cells.CPU_NS_PER_PACKET);
        columns.put(CpuMetric.SENDER_NS_PER_PACKET, "sender ns/pkt");
        columns.put(CpuMetric.SOFTIRQ_NS_PER_PACKET, "softirq ns/pkt");
        columns.put(CpuMetric.OTHER_THREADS_NS_PER_PACKET, "other threads ns/pkt");
        return columns;
    }

    private static Map<Counter, String> extra() {
        Map<Counter, String> extra = new LinkedHashMap<>();
        extra.put(Counter.NOTIFICATIONS, "notif./pkt");
        extra.put(Counter.RETRIES, "retries/pkt");
        extra.put(Counter.ENTERS, "enters/pkt");
        return extra;
    }

    /** user_pct -> "user %", kernel_frames -> "kernel frames", io_uring_pct -> "io_uring %". */
    static String label(String column) {
        String name = column.endsWith("_pct") ? column.substring(0, column.length() - 4) + " %" : column;
        return name.replace("io_uring", "io-uring").replace('_', ' ').replace("io-uring", "io_uring");
    }

    private static boolean isNumeric(ProfileSummaryFile summary, String column) {
        List<String> values = summary.lines().stream().map(l -> l.values().get(column)).filter(v -> !v.isEmpty())
                .toList();
        return !values.isEmpty() && values.stream().allMatch(ReportHtml::isNumber);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
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
