package zcbench.analysis.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.report.RunReports;
import zcbench.analysis.table.SideTables;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.KernelEvent;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Variant;

/** The latency/ files of a run folder become speedup.csv's percentiles, and events_* results its event columns. */
class LatencyHistogramsTest {
    /** Row 7 of the seed fixture. */
    private static final String FIXED = "uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink";

    @TempDir
    Path tmp;

    private static String encoded(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)) + "\n";
    }

    private static List<CSVRecord> records(SpeedupTable table) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(SpeedupCsv.render(table))).getRecords();
    }

    @Test
    void aRowsForksAndThreadsAreAddedUpIntoItsPercentiles() throws IOException {
        Path run = Fixtures.copy(Fixtures.SEED_SINK, tmp);
        Path dir = Files.createDirectories(run.resolve(ResultFiles.LATENCY_DIR));
        Histogram fork1 = new Histogram(1, 60_000_000_000L, 3);
        Histogram fork2 = new Histogram(1, 60_000_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            fork1.recordValue(i * 1_000L); // 1..1000 us
        }
        fork2.recordValue(5_000_000L); // one 5 ms stall
        Files.writeString(dir.resolve(FIXED + ".4242.0" + ResultFiles.LATENCY_SUFFIX), encoded(fork1));
        Files.writeString(dir.resolve(FIXED + ".4243.0" + ResultFiles.LATENCY_SUFFIX), encoded(fork2));
        // Another row whose key begins with this one's is not part of it.
        Files.writeString(dir.resolve(FIXED + "-other.1.0" + ResultFiles.LATENCY_SUFFIX), encoded(fork2));

        Histogram sum = LatencyHistograms.of(run, FIXED).orElseThrow();
        assertEquals(1001, sum.getTotalCount(), "every send of every fork, once");
        SpeedupTable table = SpeedupTable.of(Run.load(run), Variant.DEFAULT_BASELINE);
        assertTrue(table.hasLatency());
        List<CSVRecord> rows = records(table);
        CSVRecord fixed = rows.get(6);
        assertEquals(FIXED, fixed.get("row"));
        // HdrHistogram keeps 3 significant digits: each value within 0.1% (and its bucket's width) of the truth.
        assertEquals(501, Double.parseDouble(fixed.get("latency_p50_us")), 1);
        assertEquals(991, Double.parseDouble(fixed.get("latency_p99_us")), 1);
        assertEquals(1000, Double.parseDouble(fixed.get("latency_p99_9_us")), 1);
        assertEquals(5000, Double.parseDouble(fixed.get("latency_max_us")), 5);
        assertEquals("", rows.get(0).get("latency_p50_us"), "a row without latency=true has none");
        assertEquals(2, SideTables.latency(table).size(), "header and the one row with a histogram");
        String html = Files.readString(RunReports.writeAll(run).files().stream()
                .filter(f -> f.getFileName().toString().equals(ResultFiles.REPORT_HTML)).findFirst().orElseThrow());
        assertTrue(html.contains("id=\"latency-table\""), "the latency table in report.html");
        assertTrue(html.contains("<svg id='latency-chart'"), "the percentile plot in report.html");
        String md = Files.readString(run.resolve(ResultFiles.SPEEDUP_MD));
        assertTrue(md.contains("\n## " + SideTables.LATENCY.heading() + "\n\n" + SideTables.LATENCY.caption()), md);
        assertTrue(md.contains("| 7 | io_uring zc fixed, flush=false, nr_reqs=8 | 501"), "row 7's p50 in speedup.md: " + md);
        assertFalse(md.contains(SideTables.EVENTS.heading()), "no events table without events");
    }

    @Test
    void aRunWithoutLatencyFilesHasEmptyLatencyAndEventColumns() throws IOException {
        SpeedupTable table = SpeedupTable.of(Run.load(Fixtures.resource(Fixtures.SEED_SINK)),
                Variant.DEFAULT_BASELINE);
        assertFalse(table.hasLatency());
        assertFalse(table.hasEvents());
        for (CSVRecord r : records(table)) {
            assertEquals("", r.get("latency_max_us"));
            assertEquals("", r.get(KernelEvent.IO_URING_COMPLETE.id()));
        }
        assertTrue(SideTables.events(table).isEmpty());
    }

    @Test
    void eventCountsPerPacketAreColumnsAndATable() throws IOException {
        Path run = Fixtures.copy(Fixtures.SEED_SINK, tmp);
        ObjectMapper json = new ObjectMapper();
        ArrayNode results = (ArrayNode) json.readTree(run.resolve(ResultFiles.JMH_JSON).toFile());
        for (var result : results) {
            ObjectNode secondary = (ObjectNode) result.get("secondaryMetrics");
            boolean zeroCopyRing = result.get("params").get("variant").asText().startsWith("uring_zc");
            secondary.set(KernelEvent.IO_URING_COMPLETE.id(), json.createObjectNode()
                    .put("score", zeroCopyRing ? 2.0 : 1.0).put("scoreError", "NaN").put("scoreUnit", "events/packet"));
            secondary.set(KernelEvent.SYS_ENTER.id(), json.createObjectNode()
                    .put("score", 0.125).put("scoreError", "NaN").put("scoreUnit", "events/packet"));
        }
        json.writeValue(run.resolve(ResultFiles.JMH_JSON).toFile(), results);
        SpeedupTable table = SpeedupTable.of(Run.load(run), Variant.DEFAULT_BASELINE);
        assertTrue(table.hasEvents());
        CSVRecord fixed = records(table).get(6);
        assertEquals("2.000000", fixed.get("events_io_uring_complete_per_packet"));
        assertEquals("0.125000", fixed.get("events_sys_enter_per_packet"));
        assertEquals("", fixed.get("events_kfree_skb_per_packet"), "an event perf did not report is empty");
        List<List<String>> lines = SideTables.events(table);
        assertEquals(List.of("7", "io_uring zc fixed, flush=false, nr_reqs=8", "-", "2.000", "-", "-", "-", "-",
                "0.125"), lines.get(7));
        String text = RunReports.writeAll(run).renderText();
        assertTrue(text.contains(SideTables.EVENTS.heading() + ": " + SideTables.EVENTS.caption().substring(0, 20)),
                text);
        String md = Files.readString(run.resolve(ResultFiles.SPEEDUP_MD));
        assertTrue(md.contains("\n## " + SideTables.EVENTS.heading() + "\n\n"), md);
        assertTrue(md.contains("| 7 | io_uring zc fixed, flush=false, nr_reqs=8 | - | 2.000 | - | - | - | - | 0.125 |"),
                "row 7's events in speedup.md: " + md);
        assertFalse(md.contains(SideTables.LATENCY.heading()), "no latency table without latency");
    }
}
