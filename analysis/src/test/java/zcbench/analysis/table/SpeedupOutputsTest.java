package zcbench.analysis.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import zcbench.vocabulary.KernelEvent;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.LatencyPercentile;
import zcbench.vocabulary.Row;
import zcbench.analysis.Fixtures;
import zcbench.analysis.compare.CompareCsv;
import zcbench.analysis.pairs.PairsCsv;
import zcbench.analysis.jmh.Run;
import zcbench.vocabulary.Variant;

class SpeedupOutputsTest {
    private static final SpeedupTable SEED = table(Fixtures.SEED_SINK);
    private static final SpeedupTable SIZES = table(Fixtures.SIZES_SINK);
    private static final SpeedupTable SMOKE_SINK = table(Fixtures.SMOKE_SINK);
    private static final SpeedupTable SMOKE_LOOPBACK = table(Fixtures.SMOKE_LOOPBACK);
    private static final SpeedupTable EARLIER = table(Fixtures.SEED_SINK_EARLIER);

    private static SpeedupTable table(String fixture) {
        return SpeedupTable.of(Run.load(Fixtures.resource(fixture)), Variant.DEFAULT_BASELINE);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker(SpeedupCsv.COMMENT)
                .get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void everyCsvHasTheRowsValuesOnceEachInTheOneDeclaredOrder() {
        for (List<String> columns : List.of(SpeedupCsv.columnNames(), CompareCsv.COLUMNS)) {
            assertEquals(Row.CSV_ORDER, columns.stream().filter(Row.CSV_ORDER::contains).toList());
            Row.CSV_ORDER.forEach(n -> assertEquals(1, columns.stream().filter(n::equals).count(), n));
        }
    }

    @Test
    void csvHasTheRequiredColumnsInOrderAndOneLinePerRow() throws IOException {
        List<String> required = List.of("no", "test", "variant", "payload", "batch", "flush", "ubuf_cache", "target",
                "mb_s", "mb_s_error", "speedup", "copied_pct", "rfc_mb_s", "rfc_speedup", "mb_s_ci_low",
                "mb_s_ci_high", "notifications_per_packet", "copied_per_packet", "retries_per_packet",
                "enters_per_packet", "cpu_ns_per_packet", "cpu_ns_per_mib");
        assertTrue(SpeedupCsv.columnNames().containsAll(required));
        List<String> firstTwelve = required.subList(0, 12);
        assertEquals(firstTwelve, SpeedupCsv.columnNames().stream().filter(firstTwelve::contains).toList());
        List<CSVRecord> records = parse(SpeedupCsv.render(SEED));
        assertEquals(9, records.size());
        CSVRecord r = records.get(6);
        assertEquals("7", r.get("no"));
        assertEquals("io_uring zc fixed, flush=false, nr_reqs=8", r.get("test"));
        assertEquals("116079.000", r.get("rfc_mb_s"));
        assertEquals("0.000", r.get("copied_pct"));
        assertEquals("37900.148", r.get("mb_s"));
        assertEquals("1653.534", r.get("cpu_ns_per_packet"));
        // Columns are only ever added at the end: the intervals and noise, then the loop knobs and counters, then
        // the row key, then each knob added since, in Knobs' order (the sending CPU's columns after threads), then
        // short_sends_per_packet, the kernel events and the latency percentiles.
        List<String> names = SpeedupCsv.columnNames();
        int row = names.indexOf("row");
        assertEquals(List.of("speedup_ci_low", "speedup_ci_high", "noisy", "forks", "samples", "poll", "verify",
                        "syscalls_per_packet", "delivered_pct", "row"), names.subList(row - 9, row + 1));
        List<String> after = names.subList(row + 1, names.size());
        // interval_method (how the speedup interval was made: rounds or forks) came after the latency percentiles.
        assertEquals("interval_method", names.getLast());
        int measured = after.size() - 2 - KernelEvent.ids().size() - LatencyPercentile.ids().size();
        // Last, short sends, then the kernel events per packet (run --events) and the notification latency
        // (latency=true).
        assertEquals("short_sends_per_packet", after.get(measured), "a counter added after the knobs' columns");
        assertEquals(KernelEvent.ids(), after.subList(measured + 1, measured + 1 + KernelEvent.ids().size()));
        assertEquals(LatencyPercentile.ids(),
                after.subList(measured + 1 + KernelEvent.ids().size(), after.size() - 1));
        // Before them the knobs up to threads, then the sending CPU's columns, then any knob added since.
        List<String> sendingCpu = new ArrayList<>(CpuMetric.ids(false));
        sendingCpu.add(Mark.STOLEN.id());
        int cpuAt = after.indexOf(sendingCpu.getFirst());
        assertEquals(sendingCpu, after.subList(cpuAt, cpuAt + sendingCpu.size()));
        assertEquals(Knobs.THREADS.name(), after.get(cpuAt - 1));
        List<String> knobs = new ArrayList<>(after.subList(0, cpuAt));
        knobs.addAll(after.subList(cpuAt + sendingCpu.size(), measured));
        assertEquals(Knobs.names().stream().filter(knobs::contains).toList(), knobs);
        assertEquals("uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink", r.get("row"));
        // One fork: JMH's own interval, so noisy is judged, but the speedup has no interval.
        assertEquals("true", r.get("noisy"));
        assertEquals("", r.get("speedup_ci_low"));
        assertEquals("1", r.get("forks"));
        assertEquals("3", r.get("samples"));
    }

    @Test
    void aRunInForksHasSpeedupIntervalsAndNoisyMarks() throws IOException {
        List<CSVRecord> records = parse(SpeedupCsv.render(table(Fixtures.SEED_SINK_FORKS)));
        assertEquals(9, records.size());
        for (CSVRecord r : records) {
            assertEquals("3", r.get("forks"));
            assertEquals("9", r.get("samples"));
            double speedup = Double.parseDouble(r.get("speedup"));
            double low = Double.parseDouble(r.get("speedup_ci_low"));
            double high = Double.parseDouble(r.get("speedup_ci_high"));
            assertTrue(low <= speedup && speedup <= high, r.toString());
            double error = Double.parseDouble(r.get("mb_s_error"));
            assertEquals(Boolean.toString(error > 0.05 * Double.parseDouble(r.get("mb_s"))), r.get("noisy"),
                    r.toString());
        }
        assertTrue(records.stream().anyMatch(r -> r.get("noisy").equals("true")));
        assertTrue(records.stream().anyMatch(r -> r.get("noisy").equals("false")));
    }

    /** The claim under test first: the RFC's largest speedup row, ours with its interval, the RFC's beside it. */
    @Test
    void theHeadlineStatesTheRfcsHeadlineRowWithItsIntervalAndNoise() {
        SpeedupTable forks = table(Fixtures.SEED_SINK_FORKS);
        SpeedupRow zc8 = forks.rows().get(6);
        String headline = Headline.of(forks);
        assertEquals("On this machine, io_uring zero-copy send with registered buffers (nr_reqs=8, flush=false) sends "
                + Num.fixed(zc8.speedup(), 2) + "× [" + Num.fixed(zc8.speedupInterval().low(), 2) + ", "
                + Num.fixed(zc8.speedupInterval().high(), 2) + "] the bytes per second of MSG_ZEROCOPY with "
                + "65435-byte packets to the sink; the RFC measured 2.45×. Row 7 is noisy (error "
                + Num.fixed(100 * zc8.mbS().error() / zc8.mbS().score(), 1) + "% of its score). Row 2 is noisy "
                + "(error 11.0% of its score).", headline);
        String loopback = Headline.of(table(Fixtures.SEED_LOOPBACK));
        assertTrue(loopback.contains("registered buffers (nr_reqs=8, flush=false) sends 1.31× the bytes per second of "
                + "MSG_ZEROCOPY with 65435-byte packets over loopback, where the kernel copies every zero-copy send; "
                + "the RFC measured 2.45× to its sink device. No interval: measured in one fork."), loopback);
        assertTrue(loopback.endsWith("The kernel copied 100% of its sends."), loopback);
        assertTrue(Headline.of(SMOKE_SINK).startsWith("NOT A MEASUREMENT: "));
    }

    @Test
    void theNoiseSummaryNamesTheNoisyRowsAndWhatToDo() {
        assertEquals("7 of 9 rows noisy (99.9% error above 5% of the score: rows 2, 3, 4, 6, 7, 8, 9 of the table): rerun on a "
                + "quiet machine (steal time during the run: 0.01%), or with more forks: ./zcbench run --plan seed -f 6",
                table(Fixtures.SEED_SINK_FORKS).noiseSummary());
        assertTrue(SMOKE_SINK.noiseSummary().startsWith("Not a measurement: no row is judged for noise"));
        assertTrue(SpeedupMarkdown.render(table(Fixtures.SEED_SINK_FORKS)).contains("- **7 of 9 rows noisy "));
    }

    @Test
    void aRunThatIsNotAMeasurementSaysSoFirstAndHasNoSpeedupOrRfcColumns() throws IOException {
        String csv = SpeedupCsv.render(SMOKE_SINK);
        assertTrue(csv.startsWith("# NOT A MEASUREMENT: "), csv);
        String header = csv.lines().skip(1).findFirst().orElseThrow();
        assertFalse(header.contains("speedup") || header.contains("rfc_") || header.contains("baseline_no"), header);
        assertEquals(5, parse(csv).size());
        String md = SpeedupMarkdown.render(SMOKE_SINK);
        assertTrue(md.startsWith("**NOT A MEASUREMENT: "), md);
        assertFalse(md.contains("RFC MB/s") || md.contains("RFC figures map") || md.contains("speedup ["), md);
        String text = SpeedupText.render(SMOKE_SINK);
        assertTrue(text.startsWith("NOT A MEASUREMENT: "), text);
        assertFalse(text.contains("RFC MB/s") || text.contains("(baseline)"), text);
    }

    @Test
    void textOnlySecondaryResultsOfTheFlameAndJfrProfilersAreNotColumns() throws IOException {
        String json = Files.readString(Fixtures.resource(Fixtures.FLAME_SINK).resolve("jmh.json"));
        assertTrue(json.contains("\"async\" : {") && json.contains("\"jfr\" : {"));
        String csv = SpeedupCsv.render(table(Fixtures.FLAME_SINK));
        String header = csv.lines().skip(1).findFirst().orElseThrow(); // after the not-a-measurement line
        assertEquals(String.join(",", SpeedupCsv.columnNames(table(Fixtures.FLAME_SINK))), header);
        assertFalse(header.contains("async") || header.contains("jfr"));
        assertEquals(5, parse(csv).size());
    }

    @Test
    void missingValuesAreEmptyCells() throws IOException {
        // One iteration per row: JMH wrote the error and interval as "NaN".
        for (CSVRecord single : parse(SpeedupCsv.render(SMOKE_SINK))) {
            assertEquals("", single.get("mb_s_error"));
            assertEquals("", single.get("mb_s_ci_low"));
            assertEquals("", single.get("mb_s_ci_high"));
            assertFalse(single.get("mb_s").isEmpty());
        }
        List<CSVRecord> earlier = parse(SpeedupCsv.render(EARLIER));
        CSVRecord copy = earlier.getFirst();
        assertEquals("copy", copy.get("variant"));
        assertEquals("", copy.get("copied_pct"));
        assertTrue(earlier.stream().allMatch(r -> r.get("cpu_ns_per_packet").isEmpty()
                && r.get("cpu_sys_pct").isEmpty()));
        CSVRecord send = earlier.get(2);
        assertEquals("uring_send", send.get("variant"));
        assertEquals("", send.get("rfc_mb_s"));
        CSVRecord noBaseline = parse(SpeedupCsv.render(SpeedupTable.of(SIZES.run(), "uring_send"))).getFirst();
        assertEquals("", noBaseline.get("speedup"));
        assertEquals("", noBaseline.get("baseline_no"));
        assertEquals("", noBaseline.get("speedup_ci_low"));
    }

    /** A knob's column holds the knob's value, which KNOBS.md documents when COLUMNS.md does not. */
    @Test
    void everyCsvColumnIsDocumentedInColumnsMd() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "COLUMNS.md"))
                + Files.readString(Path.of("..", "docs", "KNOBS.md"));
        Matcher m = Pattern.compile("`([a-z][a-z0-9_]*)`").matcher(doc);
        List<String> documented = m.results().map(x -> x.group(1)).toList();
        SpeedupCsv.columnNames().forEach(c -> assertTrue(documented.contains(c), c));
        CompareCsv.COLUMNS.forEach(c -> assertTrue(documented.contains(c), c));
        PairsCsv.COLUMNS.forEach(c -> assertTrue(documented.contains(c), c));
    }

    @Test
    void markdownIsTheRfcShapedTablePerPayloadAndTargetWithTheMappingsStated() {
        String md = SpeedupMarkdown.render(SIZES);
        assertTrue(md.contains("| № | test | MB/s | +/- | speedup [99.9%] | RFC MB/s | RFC speedup | copied % "
                + "| CPU ns/pkt |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"), md);
        assertTrue(md.startsWith("**On this machine, "), md);
        assertEquals(List.of("## 4096 bytes, sink", "## 16384 bytes, sink", "## 65435 bytes, sink"),
                md.lines().filter(l -> l.startsWith("## ")).toList());
        assertEquals(12, md.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count());
        assertTrue(md.contains("| 1 | copy (no MSG_ZEROCOPY), batch=8 | 1686 | 45 (2.7%) | 1.16 | 4375 (1120 kreq/s) "
                + "| 1.12 | - | 2319 |"), md);
        assertTrue(md.contains("user-space analogues on today's kernel, not the RFC's kernel switches"));
        assertTrue(md.contains("converted to MB/s as kreq/s x 1000 x 4096 / 1048576"));
        assertTrue(md.contains("- CPU ns/pkt: CPU time (user + system) of the benchmark's fork per packet"));
        String earlier = SpeedupMarkdown.render(EARLIER);
        assertTrue(earlier.contains("| № | test | MB/s | +/- | speedup [99.9%] | RFC MB/s | RFC speedup | copied % |\n"));
        assertFalse(earlier.contains("CPU ns/pkt"));
    }

    @Test
    void markdownAndTextShoutWhenAZeroCopyRowWasCopied() {
        String md = SpeedupMarkdown.render(SMOKE_LOOPBACK);
        assertEquals(3, md.lines().filter(l -> l.contains("| **100.0 COPIED** |")).count());
        assertTrue(md.contains("- **COPIED: the kernel copied the sends of zero-copy rows 2, 4, 5"));
        String text = SpeedupText.render(SMOKE_LOOPBACK);
        assertEquals(3, text.lines().filter(l -> l.contains("100.0 COPIED")).count());
        assertTrue(text.contains("* COPIED: the kernel copied"));
        assertFalse(SpeedupMarkdown.render(SMOKE_SINK).contains("COPIED"));
    }

    @Test
    void textIsShapedLikeTheRfcsTableWithCpuNanosecondsPerPacketLast() {
        String text = SpeedupText.render(SEED);
        assertTrue(text.contains("65435 bytes, sink\n no  test"));
        String header = text.lines().filter(l -> l.startsWith(" no  test")).findFirst().orElseThrow();
        assertTrue(header.endsWith("copied %  CPU ns/pkt"), header);
        String line = text.lines().filter(l -> l.startsWith("  7  ")).findFirst().orElseThrow();
        assertTrue(line.matches("  7  io_uring zc fixed, flush=false, nr_reqs=8 +37900 +5509 \\(14\\.5%\\) NOISY +2\\.88"
                + " +116079 +2\\.45 +0\\.0 +1654"), line);
        // One width for all blocks: the header lines are identical.
        assertEquals(1, SpeedupText.render(SIZES).lines().filter(l -> l.startsWith(" no  test")).distinct().count());
        // A single iteration has no interval: "-", not 0.
        assertTrue(SpeedupText.render(SMOKE_SINK).lines().filter(l -> l.matches(" +\\d  .*")).allMatch(
                l -> l.matches(".* \\d+ +- +(-|\\d+\\.\\d) +\\d+")));
    }
}
