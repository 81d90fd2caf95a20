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
        Path run = Fixtures.copy(Fixtures.SINK, tmp);
        Result r = run(new ReportCommand(), run.toString(), "--baseline", "uring_send");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("speedup against the uring_send row"));
        assertTrue(r.out().contains("wrote " + run.resolve("report.html")));
        assertEquals("", r.err());
    }

    @Test
    void reportSaysWhenAPayloadAndTargetHaveNoBaselineRow() {
        Path json = Fixtures.copy(Fixtures.PLAIN, tmp);
        Result r = run(new ReportCommand(), json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("No msg_zerocopy row for 65435 bytes, loopback: speedup left empty"));
    }

    @Test
    void compareOfSinkAndLoopbackPrintsSlowerZeroCopyRowsAndWritesIntoOut() {
        Path a = Fixtures.copy(Fixtures.SINK, tmp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.LOOPBACK, tmp.resolve("b"));
        Result r = run(new CompareCommand(), a.toString(), b.resolve("jmh.json").toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(" io_uring zc fixed, flush=false, nr_reqs=8 (65435 B)")
                && l.contains("slower") && l.endsWith("0 / 100")), r.out());
        assertEquals(List.of("compare.csv", "compare.html"), Fixtures.fileNames(tmp.resolve("out")));
    }

    @Test
    void compareOfARunWithItselfSaysNoDifferenceOnEveryRow() {
        Path a = Fixtures.copy(Fixtures.SINK, tmp);
        Result r = run(new CompareCommand(), a.toString(), a.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.contains(" B)") || l.contains(", sink)")).toList();
        assertEquals(24, rows.size());
        assertTrue(rows.stream().allMatch(l -> l.contains("no difference")), r.out());
    }
}
