package zcbench.harness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by SIGTERM or SIGINT in its third row: the finished rows' table and report are written, the JMH
 * fork ends with it, the run lock is released (the next run takes no stale lock over), a line says how to measure
 * the rest, and the exit status is 128 + the signal's number.
 */
class StoppedRunIT {
    private static final int ROWS = 5;

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalWritesTheFinishedRowsAndReleasesTheLock(String signal, int status, @TempDir Path out)
            throws Exception {
        Path lock = out.resolve("zcbench.lock");
        Map<String, String> env = Map.of("ZCBENCH_LOCK", lock.toString());
        // Each row 2 s of measurement, so that the signal comes while the third row's fork measures; row by row,
        // so that the finished rows are the plan's first (the rounds stop the same way, RoundsRun).
        Process run = Jar.start(List.of("-Djmh.ignoreLock=true"), env, "run", "--plan", "smoke", "--target",
                "loopback", "-wi", "0", "-i", "1", "-r", "2s", "-f", "1", "--order", "rows", "--out", out.toString());
        List<String> err = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> errRead = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(run.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                r.lines().forEach(err::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CompletableFuture<String> outRead = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (err.stream().noneMatch(l -> l.startsWith("[3/" + ROWS + "] "))) {
            assertTrue(System.nanoTime() < deadline && run.isAlive(), "the run reached its third row: " + err);
            Thread.sleep(20);
        }
        List<ProcessHandle> forks = List.of();
        while (forks.isEmpty()) {
            assertTrue(System.nanoTime() < deadline && run.isAlive(), "the third row forked: " + err);
            Thread.sleep(20);
            forks = run.descendants().toList();
        }
        Thread.sleep(300);
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);

        assertTrue(run.waitFor(2, TimeUnit.MINUTES), "the stopped run ended: " + err);
        errRead.get(10, TimeUnit.SECONDS);
        String stdout = outRead.get(10, TimeUnit.SECONDS);
        String both = "--- stdout\n" + stdout + "--- stderr\n" + String.join("\n", err);
        assertEquals(status, run.exitValue(), both);
        for (ProcessHandle fork : forks) {
            assertFalse(fork.isAlive(), "the JMH fork " + fork.pid() + " ended with the run");
        }

        Path folder = out.resolve("latest").toRealPath();
        long measured = err.stream().filter(l -> l.matches("\\s+[\\d,]+ .*MB/s.*")).count();
        assertTrue(measured >= 2 && measured < ROWS, both);
        List<CSVRecord> rows = SmokeRunIT.csv(folder.resolve("speedup.csv"));
        assertEquals(measured, rows.size(), "speedup.csv holds the finished rows: " + both);
        assertTrue(Files.size(folder.resolve("report.html")) > 0);
        assertTrue(stdout.contains("copy"), "the table of the finished rows on stdout: " + both);
        String rest = "zcbench run --rerun failed " + folder;
        assertTrue(err.getLast().startsWith("zcbench: stopped by a signal after " + measured + " of " + ROWS
                + " rows") && err.getLast().endsWith("; measure the rest with: " + rest), both);
        assertEquals(0, Files.size(lock), "the run lock's record emptied as it was released");

        // The next run takes the machine without taking a stale lock over, and measures the rest.
        Jar.Result next = Jar.finish(Jar.start(List.of("-Djmh.ignoreLock=true"), env, "run", "--rerun", "failed",
                folder.toString(), "--no-wait", "--out", out.toString()));
        assertEquals(0, next.exit(), next.both());
        assertFalse(next.err().contains("taking over"), next.both());
        Path rerun = out.resolve("latest").toRealPath();
        assertEquals(ROWS - measured, SmokeRunIT.csv(rerun.resolve("speedup.csv")).size(), next.both());
    }
}
