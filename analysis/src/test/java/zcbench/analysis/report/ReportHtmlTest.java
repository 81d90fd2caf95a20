package zcbench.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import zcbench.analysis.Fixtures;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupRow;
import zcbench.vocabulary.CpuMetric;

class ReportHtmlTest {
    static final List<String> REAL_RUNS = Fixtures.REAL_RUNS;
    /** The rows of flame-smoke-sink, in table order, as the profiles module named their files. */
    private static final List<String> FLAME_ROWS = List.of("copy-65435-b8-flushfalse-ubufon-sink",
            "msg_zerocopy-65435-b8-flushfalse-ubufon-sink", "uring_send-65435-b8-flushfalse-ubufon-sink",
            "uring_zc-65435-b8-flushfalse-ubufon-sink", "uring_zc_fixed-65435-b8-flushfalse-ubufon-sink");

    @TempDir
    Path tmp;

    /** report.html written into the run folder itself, as the harness does. */
    private String html(String fixture) throws IOException {
        Path run = Fixtures.copy(fixture, tmp);
        return Files.readString(RunReports.writeAll(run).files().get(2));
    }

    private static List<String> ids(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static long count(String html, String literal) {
        return html.split(Pattern.quote(literal), -1).length - 1;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("REAL_RUNS")
    void onePageRowAndOneChartBarPerResultRow(String fixture) throws IOException {
        String html = html(fixture);
        int rows = (int) Files.readString(tmp.resolve(fixture).resolve("speedup.csv")).lines()
                .filter(l -> !l.startsWith("#")).count() - 1;
        List<String> expected = IntStream.rangeClosed(1, rows).mapToObj(Integer::toString).toList();
        assertEquals(expected, ids(html, "<tr class=\"result-row[^\"]*\" id=\"row-(\\d+)\">"));
        assertEquals(expected, ids(html, "<g id='bar-(\\d+)' class='bar-mark(?: noisy)?'>").stream()
                .sorted((a, b) -> Integer.parseInt(a) - Integer.parseInt(b)).toList());
    }

    /**
     * No label of any chart is cut short: JFreeChart ends a label that does not fit with "...", so a long row
     * label wraps instead (the CPU chart's "8 io_uring zc fixed, flush=false, nr_reqs=8, ubuf_cache=off [NOISY...").
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("REAL_RUNS")
    void noChartLabelIsCutShort(String fixture) throws IOException {
        List<String> cut = ids(html(fixture), "<text[^>]*>([^<]*\\.\\.\\.)</text>");
        assertEquals(List.of(), cut);
    }

    /**
     * The speedup axis reaches the largest speedup, also when no row has an interval (one fork) to add to it; an
     * MB/s axis reaches the end of every whisker.
     */
    @Test
    void theAxesHoldEveryBarAndWhisker() throws IOException {
        // The axis' tick labels have one decimal, the bars' own labels two.
        double speedupTick = highestLabel(chart(html(Fixtures.SEED_SINK), "speedup-chart"), "(\\d+\\.\\d)");
        double speedup = highestInCsv(Fixtures.SEED_SINK, "speedup");
        assertTrue(speedup > 2 && speedupTick >= 0.9 * speedup, "ticks up to " + speedupTick + ", bars to " + speedup);
        // sizes-sink's 16384-byte rows: row 7's whisker reaches 13,260 MB/s, its bar 8,059.
        double mbsTick = highestLabel(chart(html(Fixtures.SIZES_SINK), "mbs-chart-2").replace(",", ""), "(\\d+)");
        assertTrue(mbsTick >= 13_000, "MB/s ticks up to " + mbsTick);
    }

    private static String chart(String html, String id) {
        String chart = html.substring(html.indexOf("<svg id='" + id + "'"));
        return chart.substring(0, chart.indexOf("</svg>"));
    }

    private static double highestLabel(String svg, String number) {
        return ids(svg, "<text[^>]*>" + number + "</text>").stream().mapToDouble(Double::parseDouble).max()
                .orElseThrow();
    }

    /** The largest figure of a column of the fixture's speedup.csv, as html() wrote it. */
    private double highestInCsv(String fixture, String column) throws IOException {
        try (Reader csv = Files.newBufferedReader(tmp.resolve(fixture).resolve("speedup.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
                    .parse(csv).stream().map(r -> r.get(column)).filter(v -> !v.isEmpty())
                    .mapToDouble(Double::parseDouble).max().orElseThrow();
        }
    }

    @Test
    void theRfcFigureStandsBesideOursWhereOneMapsAndNeverInAnUnmeasuredRun() throws IOException {
        // seed-sink: all but uring_send and ubuf_cache=off map; sizes-sink: all but the 16384-byte rows.
        assertEquals(7, ids(html(Fixtures.SEED_SINK), "<g id='rfc-(\\d+)' class='rfc-mark'>").size());
        String sizes = html(Fixtures.SIZES_SINK);
        assertEquals(List.of("1", "2", "3", "4", "9", "10", "11", "12"),
                ids(sizes, "<g id='rfc-(\\d+)' class='rfc-mark'>").stream()
                        .sorted((a, b) -> Integer.parseInt(a) - Integer.parseInt(b)).toList());
        assertTrue(sizes.contains("MB/s against payload"));
        assertEquals(0, ids(html(Fixtures.SMOKE_LOOPBACK), "<g id='rfc-(\\d+)' class='rfc-mark'>").size());
        // smoke-sink maps onto the RFC's rows, but is not a measurement.
        assertEquals(0, ids(html(Fixtures.SMOKE_SINK), "<g id='rfc-(\\d+)' class='rfc-mark'>").size());
    }

    @Test
    void aCopiedZeroCopyRowGetsABannerAndRedBadges() throws IOException {
        String sink = html(Fixtures.SMOKE_SINK);
        assertFalse(sink.contains("id=\"copied-banner\""));
        assertFalse(sink.contains("badge copied"));
        String loop = html(Fixtures.SMOKE_LOOPBACK);
        assertTrue(loop.contains("<div class=\"banner\" id=\"copied-banner\">COPIED: the kernel copied the sends of "
                + "zero-copy rows 2, 4, 5 "));
        assertEquals(3, count(loop, "<span class=\"badge copied\">COPIED</span>"));
        assertEquals(List.of("2", "4", "5"), ids(loop, "<tr class=\"result-row copied\" id=\"row-(\\d+)\">"));
    }

    @Test
    void singleIterationRowsSayTheyHaveNoInterval() throws IOException {
        String html = html(Fixtures.SMOKE_SINK);
        assertEquals(5, count(html, "[no interval]"));
        assertFalse(html(Fixtures.SEED_SINK).contains("[no interval]"));
    }

    @Test
    void cpuNanosecondsPerPacketIsAColumnWhenTheRunHadTheCpuProfiler() throws IOException {
        String html = html(Fixtures.SEED_SINK);
        assertTrue(html.contains("<th class=\"num\">copied %</th><th class=\"num\">CPU ns/pkt</th>"));
        // row 7 (io_uring zc fixed, flush=false, nr_reqs=8): cpu_ns_per_packet 1653.534 in speedup.csv
        assertTrue(Pattern.compile("id=\"row-7\">.*?<td class=\"num\">0.0</td><td class=\"num\">1654</td>")
                .matcher(html).find());
        assertFalse(html(Fixtures.SEED_SINK_EARLIER).contains("CPU ns/pkt"));
    }

    @Test
    void eachRowLinksToItsFlameGraphWithARelativeLink() throws IOException {
        String html = html(Fixtures.FLAME_SINK);
        Path run = tmp.resolve(Fixtures.FLAME_SINK);
        List<String> hrefs = ids(html, "<tr class=\"result-row[^\"]*\" id=\"row-\\d+\">.*?<td class=\"flame\">"
                + "<a href=\"([^\"]+)\">cpu</a></td></tr>");
        assertEquals(FLAME_ROWS.stream().map(r -> "flame/" + r + ".cpu.html").toList(), hrefs);
        hrefs.forEach(h -> assertTrue(Files.isRegularFile(run.resolve(h)), h));
        assertTrue(html.contains("<th>flame graph</th>"));
        assertFalse(html(Fixtures.SEED_SINK).contains("flame graph"));
    }

    @Test
    void flameLinksStillLeadToTheGraphsWhenTheReportIsWrittenElsewhere() throws IOException {
        Path run = Fixtures.copy(Fixtures.FLAME_SINK, tmp.resolve("results"));
        Path out = tmp.resolve("reports").resolve("today");
        String html = Files.readString(RunReports.write(run, out, "msg_zerocopy").files().get(2));
        List<String> hrefs = ids(html, "<td class=\"flame\"><a href=\"([^\"]+)\">cpu</a></td></tr>");
        assertEquals(10, hrefs.size()); // speedup table and where the time went
        assertEquals("../../results/flame-smoke-sink/flame/" + FLAME_ROWS.getFirst() + ".cpu.html", hrefs.getFirst());
        hrefs.forEach(h -> assertTrue(Files.isRegularFile(out.resolve(h).normalize()), h));
    }

    @Test
    void aRowWhoseGraphIsMissingGetsNoLink() throws IOException {
        Path run = Fixtures.copy(Fixtures.FLAME_SINK, tmp);
        Files.delete(run.resolve("flame").resolve(FLAME_ROWS.get(2) + ".cpu.html"));
        String html = Files.readString(RunReports.writeAll(run).files().get(2));
        assertEquals(4, ids(html, "id=\"row-\\d+\">.*?<td class=\"flame\"><a href=\"([^\"]+)\"").size());
        assertTrue(html.contains("<td class=\"num\">0.125</td><td>-</td></tr>"));
    }

    @Test
    void theProfileSummaryIsShownAsWhereTheTimeWentWithStackedBars() throws IOException {
        String html = html(Fixtures.FLAME_SINK);
        int mbS = html.indexOf("<h2>MB/s per row</h2>");
        int summary = html.indexOf("<h2>Where the time went</h2>");
        assertTrue(mbS >= 0 && summary > mbS && summary < html.indexOf("<h2>Speedup table</h2>"));
        // One stacked bar per profiled row, one segment per category column of profile-summary.csv (9).
        for (int row = 1; row <= 5; row++) {
            assertEquals(9, ids(html, "<g id='time-" + row + "-(\\d+)' class='time-mark'>").size(), "row " + row);
        }
        assertTrue(html.contains("<tr><th class=\"num\">no</th><th>test</th><th class=\"num\">samples</th>"
                + "<th>kernel frames</th><th class=\"num\">user %</th><th class=\"num\">copy %</th>"
                + "<th class=\"num\">page pinning %</th>"));
        assertEquals(List.of("1", "2", "3", "4", "5"), ids(html, "<tr class=\"profile-row\" id=\"profile-(\\d+)\">"));
        // row 1, copy: samples 1223, kernel frames true, user 80.54 %, copy 6.46 % (profile-summary.csv)
        assertTrue(html.contains("<tr class=\"profile-row\" id=\"profile-1\"><td class=\"num\">1</td>"
                + "<td>copy (no MSG_ZEROCOPY), batch=8</td><td class=\"num\">1223</td><td>true</td>"
                + "<td class=\"num\">80.54</td><td class=\"num\">6.46</td>"), html);
        assertFalse(html(Fixtures.SEED_SINK).contains("Where the time went"));
    }

    @Test
    void whereTheTimeWentShowsTheSendingCpuBesideTheCategories() throws IOException {
        Path run = Fixtures.withSecondary(Fixtures.FLAME_SINK, tmp.resolve("today"), CpuMetric.SENDER_NS_PER_PACKET.id(),
                "ns/packet", i -> 1000.0 + i);
        String html = Files.readString(RunReports.writeAll(run).files().get(2));
        String summary = html.substring(html.indexOf("<h2>Where the time went</h2>"),
                html.indexOf("<h2>Speedup table</h2>"));
        assertTrue(summary.contains("<th class=\"num\">CPU ns/pkt</th><th class=\"num\">sender ns/pkt</th>"
                + "<th class=\"num\">softirq ns/pkt</th><th class=\"num\">other threads ns/pkt</th>"), summary);
        assertTrue(summary.contains("the sender thread's own run time (schedstat)"), summary);
        // Every profiled row has its sender's figure, in the table's row order.
        assertEquals(5, ids(summary, "<td class=\"num\">(100\\d)</td>").size(), summary);
        assertFalse(html(Fixtures.FLAME_SINK).contains("sender ns/pkt"), "a run from before has no such column");
    }

    /**
     * A row whose sending CPU a neighbour took has STOLEN beside its CPU ns/pkt in where the time went, as the
     * speedup table has it, and in its label in the CPU chart.
     */
    @Test
    void aStolenRowIsMarkedInWhereTheTimeWentAndInTheCpuChart() throws IOException {
        Path run = Fixtures.withSecondary(Fixtures.FLAME_SINK, tmp.resolve("today"),
                CpuMetric.SENDER_NS_PER_PACKET.id(), "ns/packet", i -> 1000.0 + i);
        Fixtures.withSecondary(run, CpuMetric.STEAL_PCT.id(), "%", i -> i == 0 ? 5.0 : 0.5);
        RunReport report = RunReports.writeAll(run);
        List<SpeedupRow> stolen = report.table().rows().stream().filter(SpeedupRow::stolen).toList();
        assertEquals(1, stolen.size());
        SpeedupRow row = stolen.getFirst();
        String html = Files.readString(report.files().get(2));
        String badge = "<span class=\"badge stolen\">STOLEN</span>";
        List<String> profileRows = html.lines().filter(l -> l.startsWith("<tr class=\"profile-row\"")).toList();
        assertEquals(5, profileRows.size());
        for (String line : profileRows) {
            boolean marked = line.startsWith("<tr class=\"profile-row\" id=\"profile-" + row.no() + "\">");
            assertEquals(marked ? 1 : 0, count(line, badge), line);
            if (marked) {
                assertTrue(line.contains("<td class=\"num\">" + Num.shown(row.cpu().get(CpuMetric.NS_PER_PACKET.id()),
                        0) + badge + "</td><td class=\"num\">" + Num.shown(row.cpu().get(
                        CpuMetric.SENDER_NS_PER_PACKET.id()), 0) + "</td>"), "beside CPU ns/pkt: " + line);
            }
        }
        String chart = html.substring(html.indexOf("<svg id='cpu-chart'"));
        chart = chart.substring(0, chart.indexOf("</svg>"));
        assertEquals(1, count(chart, "[STOLEN]"), chart);
        assertTrue(chart.contains(row.no() + "  " + row.test() + "  [STOLEN]"), chart);
    }

    /**
     * Today's runs name a row's graphs by its key and write it, and ubuf_cache, into profile-summary.csv; the
     * report links every row to its graph by the summary, and without one by the key.
     */
    @Test
    void aRunThatNamesItsRowsByTheirKeysLinksEachRowToItsGraph() throws IOException {
        List<String> keys = List.of("copy-65435-b8-sink", "msg_zerocopy-65435-b8-ubuf_cache=on-sink",
                "uring_send-65435-b8-sink", "uring_zc-65435-b8-flush=false-ubuf_cache=on-sink",
                "uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink");
        Path run = Fixtures.copy(Fixtures.FLAME_SINK, tmp);
        Path csv = run.resolve("profile-summary.csv");
        String summary = Files.readString(csv).replace(",ubufCache,", ",ubuf_cache,");
        for (int i = 0; i < keys.size(); i++) {
            Files.move(run.resolve("flame").resolve(FLAME_ROWS.get(i) + ".cpu.html"),
                    run.resolve("flame").resolve(keys.get(i) + ".cpu.html"));
            summary = summary.replace(FLAME_ROWS.get(i) + ",", keys.get(i) + ",");
        }
        Files.writeString(csv, summary);
        String html = Files.readString(RunReports.writeAll(run).files().get(2));
        // Links percent-encode all but letters, digits and -._~ (Html.href).
        List<String> links = keys.stream().map(k -> "flame/" + k.replace("=", "%3D") + ".cpu.html").toList();
        String rowLinks = "<tr class=\"result-row[^\"]*\" id=\"row-\\d+\">.*?<td class=\"flame\"><a href=\"([^\"]+)\">cpu</a>";
        assertEquals(links, ids(html, rowLinks));
        assertEquals(List.of("1", "2", "3", "4", "5"), ids(html, "<tr class=\"profile-row\" id=\"profile-(\\d+)\">"));
        Files.delete(csv);
        html = Files.readString(RunReports.writeAll(run).files().get(2));
        assertEquals(links, ids(html, rowLinks));
    }

    @Test
    void anUnreadableProfileSummaryIsANoteNotAFailure() throws IOException {
        Path run = Fixtures.copy(Fixtures.FLAME_SINK, tmp);
        Path csv = run.resolve("profile-summary.csv");
        Files.writeString(csv, Files.readAllLines(csv).getFirst() + "\n\"copy-65435,copy,65435\n"); // quote left open
        String html = Files.readString(RunReports.writeAll(run).files().get(2));
        assertFalse(html.contains("Where the time went"));
        assertTrue(html.contains("<li>profile-summary.csv could not be read ("), html);
        assertEquals(5, ids(html, "<td class=\"flame\"><a href=\"([^\"]+)\"").size()); // found by the naming rule
    }

    /**
     * The point first: the headline sentence, then the speedup chart (ours beside the RFC's, whiskers, a line at
     * 1), then MB/s and CPU ns per packet; the table after the charts.
     */
    @Test
    void theHeadlineAndTheSpeedupChartComeFirst() throws IOException {
        String html = html(Fixtures.SEED_SINK_FORKS);
        int headline = html.indexOf("<p class=\"headline\" id=\"headline\">On this machine, io_uring zero-copy send "
                + "with registered buffers (nr_reqs=8, flush=false) sends ");
        int speedup = html.indexOf("<svg id='speedup-chart'");
        int mbS = html.indexOf("<h2>MB/s per row</h2>");
        int cpu = html.indexOf("<svg id='cpu-chart'");
        int table = html.indexOf("<h2>Speedup table</h2>");
        assertTrue(headline > 0 && headline < speedup && speedup < mbS && mbS < cpu && cpu < table,
                List.of(headline, speedup, mbS, cpu, table).toString());
        assertTrue(html.contains("; the RFC measured 2.45×."), "the RFC's figure beside ours in the headline");
        // Baseline rows are 1 by definition and left out; the RFC stands beside the 6 rows it has figures for.
        assertEquals(8, ids(html, "<g id='speedup-(\\d+)' class='speedup-mark(?: noisy)?'>").size());
        assertEquals(6, ids(html, "<g id='rfc-speedup-(\\d+)' class='rfc-speedup-mark'>").size());
        assertTrue(html.contains("= msg_zerocopy</text>"), "the line at 1 is labelled");
        assertEquals(9, ids(html, "<g id='cpu-(\\d+)-0' class='cpu-mark'>").size());
    }

    /** A noisy row: a badge in the table, a hatched bar in both charts, a banner with the summary. */
    @Test
    void noisyRowsGetABadgeAHatchedBarAndABanner() throws IOException {
        String html = html(Fixtures.SEED_SINK_FORKS);
        List<String> noisy = List.of("2", "3", "4", "6", "7", "8", "9"); // speedup.csv's noisy column
        assertEquals(noisy, ids(html, "<tr class=\"result-row noisy\" id=\"row-(\\d+)\">"));
        String speedupTable = html.substring(html.indexOf("<h2>Speedup table</h2>"),
                html.indexOf("<h2 id=\"row-pairs\">"));
        assertEquals(noisy.size(), count(speedupTable, "<span class=\"badge noisy\">NOISY</span>"));
        assertEquals(noisy, ids(html, "<g id='bar-(\\d+)' class='bar-mark noisy'>").stream()
                .sorted((a, b) -> Integer.parseInt(a) - Integer.parseInt(b)).toList());
        assertEquals(List.of("3", "4", "6", "7", "8", "9"),
                ids(html, "<g id='speedup-(\\d+)' class='speedup-mark noisy'>"), "row 2 is the baseline");
        assertTrue(html.contains("<div class=\"banner noisy\" id=\"noisy-banner\">7 of 9 rows noisy "));
        String unjudged = html(Fixtures.SMOKE_SINK); // no interval, so no row is judged noisy
        assertFalse(unjudged.contains("noisy-banner") || unjudged.contains("badge noisy"));
    }

    @Test
    void aRunThatIsNotAMeasurementSaysSoFirstAndHasNoHeadlineNorSpeedupChart() throws IOException {
        String html = html(Fixtures.SMOKE_SINK);
        assertTrue(html.indexOf("<p class=\"banner not-a-measurement\" id=\"not-a-measurement\">NOT A MEASUREMENT: ")
                < html.indexOf("<h1>"));
        assertFalse(html.contains("id=\"headline\"") || html.contains("speedup-chart"));
    }

    @Test
    void theEnvironmentIsAKeyValueTable() throws IOException {
        String html = html(Fixtures.SEED_SINK);
        assertTrue(html.contains("<td>cpus_online</td><td>2</td>"));
        assertTrue(html.contains("<td>io_uring_ops</td><td>NOP SENDMSG SEND RECV SEND_ZC SENDMSG_ZC</td>"));
        assertFalse(html.contains("break-all"), "values wrap between words, not inside them");
        String forks = html(Fixtures.SEED_SINK_FORKS);
        assertTrue(forks.contains("<td>cpu_vulnerabilities.spectre_v2</td><td>Mitigation: "), "one line per mitigation");
        Path json = Fixtures.copyAs(Fixtures.SMOKE_SINK + "/jmh.json", tmp.resolve("bare").resolve("smoke.json"));
        String bare = Files.readString(RunReports.write(json, null, "msg_zerocopy").files().get(2));
        assertTrue(bare.contains("No env.json beside the results."));
    }

    @Test
    void thePageIsSelfContainedAndAMeasurementStatesTheMappings() throws IOException {
        for (String fixture : List.of(Fixtures.SEED_SINK, Fixtures.SEED_SINK_FORKS, Fixtures.FLAME_SINK)) {
            String html = html(fixture);
            assertFalse(Pattern.compile("<script|<link|<img|src=|url\\(http|href=[\"'](?!flame/)").matcher(html).find(),
                    fixture);
            assertTrue(html.contains("<svg"));
            boolean measurement = !fixture.equals(Fixtures.FLAME_SINK);
            assertEquals(measurement, html.contains("user-space analogues on today's kernel"), fixture);
            assertEquals(measurement, html.contains("thousand requests/s, converted to MB/s"), fixture);
        }
    }
}
