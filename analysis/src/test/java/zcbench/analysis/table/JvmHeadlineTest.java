package zcbench.analysis.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zcbench.analysis.Fixtures;
import zcbench.analysis.compare.Ratio;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.pairs.RowPair;
import zcbench.analysis.pairs.RowPairs;
import zcbench.analysis.report.RunReports;
import zcbench.vocabulary.Variant;

/**
 * A run with java.nio's rows beside uring_zc_fixed (plan jvm) opens with the JVM developer's sentence, takes
 * java.nio as its baseline when it has no msg_zerocopy, and pairs java.nio with copy, zcbench's FFM send(2).
 */
class JvmHeadlineTest {
    @Test
    void jvmRunsSpeakToAJvmDeveloper(@TempDir Path dir) throws IOException {
        Path sizes = Fixtures.resource(Fixtures.SIZES_SINK);
        for (String file : List.of("jmh.json", "env.json")) {
            Files.copy(sizes.resolve(file), dir.resolve(file));
        }
        // The sizes run's msg_zerocopy rows stand in for java.nio's (4096, 16384 and 65435 bytes, batch 8).
        Files.writeString(dir.resolve("jmh.json"), Files.readString(dir.resolve("jmh.json"))
                .replace("\"variant\" : \"msg_zerocopy\"", "\"variant\" : \"nio\", \"protocol\" : \"udp\"")
                .replace("\"variant\" : \"uring_zc_fixed\"", "\"variant\" : \"uring_zc_fixed\", \"protocol\" : \"udp\"")
                .replace("\"variant\" : \"copy\"", "\"variant\" : \"copy\", \"protocol\" : \"udp\""));
        Run run = Run.load(dir);
        assertEquals("nio", RunReports.baseline(run), "no msg_zerocopy row: java.nio is the baseline");
        SpeedupTable table = SpeedupTable.of(run, RunReports.JDK_BASELINE);
        SpeedupRow nio = row(table, "nio", 65435);
        SpeedupRow fixed = row(table, "uring_zc_fixed", 65435);
        Ratio large = Ratio.of(nio, fixed);
        Ratio small = Ratio.of(row(table, "nio", 4096), row(table, "uring_zc_fixed", 4096));
        String headline = Headline.of(table);
        assertEquals("Here, io_uring zero-copy with registered buffers (" + RowLabels.label(fixed.row()) + ") sends "
                + Num.fixed(large.value(), 2) + "×" + Cells.interval(large.interval()) + " the bytes per second of"
                + " java.nio's DatagramChannel at 65435 bytes (" + Num.fixed(small.value(), 2) + "×"
                + Cells.interval(small.interval()) + " at 4096), to sink.", headline);
        assertTrue(large.value() > 0 && Double.isFinite(large.value()));
        assertEquals(fixed.mbS().score() / nio.mbS().score(), large.value(), 1e-9);
        // Its speedups are against java.nio's row.
        assertEquals(nio.no(), fixed.baselineNo());

        List<String> pairs = RowPairs.of(table).stream().map(RowPair::label).toList();
        assertTrue(pairs.contains("b8: copy → nio"), pairs.toString());
    }

    @Test
    void aRunWithoutJavaNioKeepsItsHeadline() {
        SpeedupTable table = SpeedupTable.of(Run.load(Fixtures.resource(Fixtures.SIZES_SINK)), Variant.DEFAULT_BASELINE);
        assertTrue(Headline.of(table).startsWith("On this machine, "), Headline.of(table));
    }

    private static SpeedupRow row(SpeedupTable table, String variant, int payload) {
        return table.rows().stream().filter(r -> r.row().variant().equals(variant) && r.row().payload() == payload)
                .findFirst().orElseThrow();
    }
}
