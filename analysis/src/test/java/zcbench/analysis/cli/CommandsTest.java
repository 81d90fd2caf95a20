package zcbench.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.Run;

class CommandsTest {
    @TempDir
    Path tmp;

    /** Runs a command; returns its exit code, what it printed and what it printed to stderr. */
    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void reportPrintsTheTableAndTheFilesItWrote() {
        Path run = Fixtures.copy(Fixtures.SEED_SINK, tmp);
        Result r = run(new ReportCommand(), run.toString(), "--baseline", "uring_send");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("speedup against the uring_send row"));
        assertTrue(r.out().contains("copied %  CPU ns/pkt\n"), r.out());
        assertTrue(r.err().contains("wrote " + run.resolve("report.html")), r.err());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("wrote ")), "stdout holds the table only: " + r.out());
        // Progress on stderr: the files written, then the run's noise summary.
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("wrote ") || l.contains(" rows noisy")), r.err());
    }

    @Test
    void reportSaysWhenAPayloadAndTargetHaveNoBaselineRow() {
        Path run = Fixtures.copy(Fixtures.SIZES_SINK, tmp);
        Result r = run(new ReportCommand(), run.toString(), "--baseline", "uring_send");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("No uring_send row for 16384 bytes, sink: speedup left empty"), r.out());
    }

    /** One iteration per row, so no interval: the zero-copy rows are "unknown", their copied % 0 vs 100. */
    @Test
    void compareOfSmokeSinkAndSmokeLoopbackPrintsCopiedZeroCopyRowsAndWritesIntoOut() {
        Path a = Fixtures.copy(Fixtures.SMOKE_SINK, tmp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.SMOKE_LOOPBACK, tmp.resolve("b"));
        Result r = run(new CompareCommand(), a.toString(), b.resolve("jmh.json").toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(" uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink ")
                && l.contains("unknown: no interval") && l.endsWith("0 / 100")), r.out());
        assertEquals(List.of("compare.csv", "compare.html"), Fixtures.fileNames(tmp.resolve("out")));
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("wrote ")), r.out());
        assertTrue(r.err().contains("wrote " + tmp.resolve("out").resolve("compare.csv")), r.err());
    }

    @Test
    void compareOfARunWithItselfSaysNoDifferenceOnEveryRow() {
        for (String fixture : List.of(Fixtures.SEED_SINK, Fixtures.SMOKE_SINK)) {
            Path a = Fixtures.copy(fixture, tmp);
            Result r = run(new CompareCommand(), a.toString(), a.toString());
            assertEquals(0, r.code(), r.err());
            List<String> rows = r.out().lines().filter(l -> l.matches(" \\S+-sink .*")).toList();
            assertEquals(Run.load(a).results().size(), rows.size(), r.out());
            assertTrue(rows.stream().allMatch(l -> l.contains("no difference")), r.out());
        }
    }
}
