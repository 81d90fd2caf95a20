package zcbench.analysis.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import zcbench.analysis.Fixtures;
import zcbench.analysis.compare.CompareCsv;
import zcbench.analysis.jmh.Run;

class SpeedupOutputsTest {
    private static final SpeedupTable SINK = SpeedupTable.of(Run.load(Fixtures.resource(Fixtures.SINK)),
            Variants.DEFAULT_BASELINE);
    private static final SpeedupTable PLAIN = SpeedupTable.of(Run.load(Fixtures.resource(Fixtures.PLAIN)),
            Variants.DEFAULT_BASELINE);

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
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
        List<CSVRecord> records = parse(SpeedupCsv.render(SINK));
        assertEquals(24, records.size());
        CSVRecord r = records.get(21); // row 22: io_uring zc fixed, flush=false, nr_reqs=8
        assertEquals("22", r.get("no"));
        assertEquals("io_uring zc fixed, flush=false, nr_reqs=8", r.get("test"));
        assertEquals("116079.000", r.get("rfc_mb_s"));
        assertEquals("0.000", r.get("copied_pct"));
        assertEquals(SINK.rows().get(21).mbS().score(), Double.parseDouble(r.get("mb_s")), 1e-3);
    }

    @Test
    void missingValuesAreEmptyCells() throws IOException {
        List<CSVRecord> records = parse(SpeedupCsv.render(PLAIN));
        CSVRecord single = records.stream().filter(r -> r.get("variant").equals("uring_zc_fixed")
                && r.get("target").equals("sink")).findFirst().orElseThrow();
        assertEquals("", single.get("mb_s_error"));
        assertEquals("", single.get("mb_s_ci_low"));
        assertEquals("", single.get("mb_s_ci_high"));
        CSVRecord copy = records.getFirst();
        assertEquals("", copy.get("copied_pct"));
        assertEquals("", copy.get("cpu_ns_per_packet"));
        CSVRecord loop = records.getLast();
        assertEquals("", loop.get("speedup"));
        assertEquals("", loop.get("rfc_mb_s"));
    }

    @Test
    void everyCsvColumnIsDocumentedInColumnsMd() throws IOException {
        String doc = Files.readString(Path.of("COLUMNS.md"));
        Matcher m = Pattern.compile("`([a-z_]+)`").matcher(doc);
        List<String> documented = m.results().map(x -> x.group(1)).toList();
        SpeedupCsv.columnNames().forEach(c -> assertTrue(documented.contains(c), c));
        CompareCsv.COLUMNS.forEach(c -> assertTrue(documented.contains(c), c));
    }

    @Test
    void markdownIsTheRfcShapedTablePerPayloadAndTargetWithTheMappingsStated() {
        String md = SpeedupMarkdown.render(SINK);
        assertTrue(md.contains("| № | test | MB/s | +/- | speedup | RFC MB/s | RFC speedup | copied % |"));
        assertEquals(3, md.lines().filter(l -> l.startsWith("## ")).count());
        assertEquals(24, md.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count());
        assertTrue(md.contains("| 22 | io_uring zc fixed, flush=false, nr_reqs=8 |"));
        assertTrue(md.contains("4375 (1120 kreq/s)"));
        assertTrue(md.contains("user-space analogues on today's kernel, not the RFC's kernel switches"));
        assertTrue(md.contains("converted to MB/s as kreq/s x 1000 x 4096 / 1048576"));
    }

    @Test
    void markdownAndTextShoutWhenAZeroCopyRowWasCopied() {
        String md = SpeedupMarkdown.render(PLAIN);
        assertTrue(md.contains("**100.0 COPIED**"));
        assertTrue(md.contains("- **COPIED: the kernel copied the sends of zero-copy rows 3, 6"));
        String text = SpeedupText.render(PLAIN);
        assertTrue(text.contains("100.0 COPIED"));
        assertTrue(text.contains("* COPIED: the kernel copied"));
    }

    @Test
    void textIsShapedLikeTheRfcsTable() {
        String text = SpeedupText.render(SINK);
        assertTrue(text.contains("65435 bytes, sink\n no  test"));
        String line = text.lines().filter(l -> l.startsWith(" 22  ")).findFirst().orElseThrow();
        assertTrue(line.matches(" 22  io_uring zc fixed, flush=false, nr_reqs=8 +\\d+ +\\d+ +\\d\\.\\d\\d"
                + " +116079 +2\\.45 +0\\.0"), line);
        // One width for all blocks: the header lines are identical.
        assertEquals(1, text.lines().filter(l -> l.startsWith(" no  test")).distinct().count());
    }
}
