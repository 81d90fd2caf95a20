package zcbench.harness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zcbench.harness.targets.SinkNetwork;

/** The command line end to end: help without warnings, rows from -p, data on stdout only. */
class CliIT {

    /** The jar's receive command: its listening line on stderr, its summary on stdout at the end of --duration. */
    @Test
    void receiveEndsWithItsSummary() throws Exception {
        Jar.Result r = Jar.run("receive", "--address", "127.0.0.1", "--port", "0", "--duration", "1");
        assertEquals(0, r.exit(), r.both());
        assertTrue(r.err().startsWith("zcbench receive: udp on 127.0.0.1:"), r.both());
        assertTrue(r.out().endsWith("zcbench receive: packets 0, bytes 0, out-of-order 0, bad stamps 0\n"), r.both());
    }

    @Test
    void everyCommandsHelpPrintsNoWarning() throws Exception {
        List<List<String>> helps = List.of(List.of("--help"), List.of("-h"), List.of("help"), List.of("run", "--help"),
                List.of("receive", "--help"), List.of("env", "--help"), List.of("report", "--help"), List.of("compare", "--help"),
                List.of("flame-diff", "--help"), List.of("parity", "--help"), List.of("help", "run"));
        for (List<String> args : helps) {
            Jar.Result r = Jar.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), args + r.both());
            assertFalse(r.out().contains("WARN") || r.err().contains("WARN"), args + r.both());
            assertEquals("", r.err(), args + r.both());
            assertTrue(r.out().startsWith("Usage: zcbench"), args + r.both());
        }
    }

    @Test
    void jmhHelpIsJmhsOwn() throws Exception {
        Jar.Result r = Jar.run("--jmh-help");
        assertEquals(0, r.exit(), r.both());
        assertTrue(r.out().contains("Usage: java -jar ... [regexp*] [options]") && r.out().contains("-wi <int>"),
                r.both());
    }

    @Test
    void aDryRunListsTheFilteredRowsOnStdout() throws Exception {
        Jar.Result r = Jar.run("run", "--plan", "sizes", "-p", "payload=4096", "--dry-run");
        assertEquals(0, r.exit(), r.both());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.both());
        assertTrue(lines.getFirst().startsWith("plan sizes: 4 rows on sink, about 1 min"), r.both());
        assertTrue(lines.subList(1, 5).stream().allMatch(l -> l.contains(" payload=4096 ")), r.both());
    }

    /** -p protocol=tcp to the sink: every row impossible, so the run is a usage error that makes nothing. */
    @Test
    void aSelectionNoRowOfWhichCanRunHereIsAUsageError(@TempDir Path tmp) throws Exception {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        Path lock = tmp.resolve("zcbench.lock");
        Path out = tmp.resolve("results");
        Jar.Result r = Jar.finish(Jar.start(List.of(), Map.of("ZCBENCH_LOCK", lock.toString()), "run", "-p",
                "protocol=tcp", "-p", "target=sink", "--out", out.toString()));
        assertEquals(2, r.exit(), r.both());
        assertEquals("", r.out(), r.both());
        List<String> err = r.err().lines().toList();
        assertEquals(2, err.size(), r.both());
        assertTrue(err.getFirst().matches("zcbench: none of the \\d+ rows asked for can run on sink: protocol=tcp"
                + " cannot go to target sink: .*\\(use target peer or loopback\\)\\."), r.both());
        assertEquals("try 'zcbench run --help'", err.get(1));
        assertFalse(Files.exists(out), "no run folder");
        assertEquals(0, Files.size(lock), "the run lock released with its record emptied");
    }

    @Test
    void rowsFromTheCommandLineMakeANormalRunFolder(@TempDir Path out) throws Exception {
        Jar.Result r = Jar.finish(Jar.start(List.of("-Djmh.ignoreLock=true"), Map.of("ZCBENCH_LOCK",
                out.resolve("zcbench.lock").toString()), "run", "-p", "variant=uring_zc_fixed", "-p", "batch=1,8",
                "-p", "payload=16384", "-wi", "0", "-i", "1", "-r", "200ms", "-f", "1", "--out", out.toString()));
        assertEquals(0, r.exit(), r.both());
        Path run = out.resolve("latest").toRealPath();
        assertTrue(run.getFileName().toString().endsWith("-custom"), run.toString());
        for (String f : List.of("jmh.json", "env.json", "plan.json", "speedup.csv", "speedup.md", "report.html")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        List<CSVRecord> rows = SmokeRunIT.csv(run.resolve("speedup.csv"));
        assertEquals(List.of("1", "8"), rows.stream().map(x -> x.get("batch")).toList());
        assertTrue(rows.stream().allMatch(x -> x.get("variant").equals("uring_zc_fixed")
                && x.get("payload").equals("16384")), rows.toString());
        // Measured in rounds (the default): each fork's line names its round, its row's place in it, and the row by
        // its key alone.
        assertEquals(2, r.err().lines().filter(l -> l.matches("round 1/1, row \\d/2: uring_zc_fixed-16384-b[18]-.*"))
                .count(), r.both());
        // The table on stdout, everything else on stderr.
        assertTrue(r.out().contains("io_uring zc fixed, flush=false, nr_reqs=8"), r.both());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("zcbench:") || l.startsWith("[")), r.both());
        if (SinkNetwork.unavailableReason() != null) {
            assertTrue(r.err().contains("zcbench: no sink: "), r.both());
        }

        Jar.Result report = Jar.run("report", run.toString());
        assertEquals(0, report.exit(), report.both());
        assertTrue(report.out().contains("io_uring zc fixed, flush=false, nr_reqs=1"), report.both());
        assertTrue(report.out().lines().noneMatch(l -> l.startsWith("wrote ")), report.both());
        // Progress on stderr: the files written, then the noise summary.
        assertTrue(report.err().lines().allMatch(l -> l.startsWith("wrote ") || l.contains(" rows noisy")
                || l.startsWith("Not a measurement")) && !report.err().isEmpty(), report.both());

        List<String> before = List.of(out.toFile().list());
        Jar.Result rerun = Jar.run("run", "--rerun", "failed", run.toString());
        assertEquals(0, rerun.exit(), rerun.both());
        assertEquals("zcbench: " + run + " has no failed rows (every row has a result); nothing to run.\n",
                rerun.err(), rerun.both());
        assertEquals(before, List.of(out.toFile().list()), "no new run folder");
    }

    @Test
    void badRowValuesExitTwoBeforeAnythingRuns(@TempDir Path out) throws Exception {
        Jar.Result r = Jar.run("run", "-p", "payload=70000", "--out", out.toString());
        assertEquals(2, r.exit(), r.both());
        assertEquals("", r.out());
        assertEquals(List.of("zcbench: payload '70000' is not in 16..65507 (bytes of UDP over IPv4 on the sink's"
                + " 65535-byte MTU, the first 16 of them the sequence stamp).", "try 'zcbench run --help'"),
                r.err().lines().toList());
        assertEquals(0, out.toFile().list().length, "no run folder");
    }
}
