package zcbench.harness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A run whose folder's disk fills up after its first row stops at the first row it cannot write, in one sentence
 * naming the folder, and keeps the row measured before. The disk is a small tmpfs mounted in a mount namespace of
 * the run's own (unshare -m, root), which nothing else on the machine sees; the test fills it through
 * /proc/PID/root, which resolves paths in that namespace.
 */
class FullDiskIT {
    private static final int ROWS = 5;

    @Test
    void theFirstWriteToAFullDiskStopsTheRunAndTheRowsMeasuredStay(@TempDir Path tmp) throws Exception {
        Process probe = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "skipped: needs root for a mount namespace of its own (unshare -m)");
        Path disk = Files.createDirectory(tmp.resolve("disk"));
        Path kept = Files.createDirectory(tmp.resolve("kept"));
        // The shell mounts the tmpfs, runs zcbench on it, and copies what is left out before the namespace goes.
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=4m zcbench-full \"$0\" || exit 9; \"$@\"; s=$?; rm -f \"$0\"/fill;"
                        + " cp -a \"$0\"/. '" + kept + "'/; exit $s", disk.toString()));
        cmd.addAll(Jar.command(List.of("-Djmh.ignoreLock=true"), List.of("run", "--plan", "smoke", "--target",
                "loopback", "-wi", "0", "-i", "1", "-r", "2s", "-f", "1", "--out", disk.toString())));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("ZCBENCH_LOCK", tmp.resolve("zcbench.lock").toString());
        Process run = pb.start();
        List<String> err = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> errRead = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(run.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                r.lines().forEach(err::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CompletableFuture<byte[]> outRead = CompletableFuture.supplyAsync(() -> {
            try {
                return run.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (err.stream().noneMatch(l -> l.matches("\\s+[\\d,]+ .*MB/s.*"))) {
            assertTrue(System.nanoTime() < deadline && run.isAlive(), "the first row measured: " + err);
            Thread.sleep(20);
        }
        // The first row is in jmh.json: now the disk fills up, as another program's output would fill it.
        Path inside = Path.of("/proc", Long.toString(run.pid()), "root").resolve(disk.toString().substring(1));
        try (OutputStream fill = Files.newOutputStream(inside.resolve("fill"))) {
            byte[] block = new byte[64 * 1024];
            for (int written = 0; written < 64 * 1024 * 1024; written += block.length) {
                fill.write(block);
            }
            throw new AssertionError("a 4 MiB tmpfs took 64 MiB");
        } catch (IOException full) {
            assertTrue(full.getMessage().contains("No space left on device"), full.toString());
        }

        assertTrue(run.waitFor(2, TimeUnit.MINUTES), "the run ended: " + err);
        errRead.get(10, TimeUnit.SECONDS);
        String both = "--- stdout\n" + new String(outRead.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)
                + "--- stderr\n" + String.join("\n", err);
        assertEquals(1, run.exitValue(), both);
        Path folder;
        try (var runs = Files.list(kept)) {
            folder = runs.filter(p -> p.getFileName().toString().endsWith("-smoke")).findFirst().orElseThrow();
        }
        String inFolder = disk.resolve(folder.getFileName()).toString();
        assertTrue(err.stream().noneMatch(l -> l.startsWith("[3/" + ROWS + "] ")),
                "no row forked after the one that could not be written: " + both);
        List<String> full = err.stream().filter(l -> l.startsWith("zcbench: ") && l.contains("No space left")
                || l.startsWith("zcbench: no space left on device")).toList();
        assertEquals(1, full.size(), both);
        assertEquals(err.getLast(), full.getFirst(), "the sentence ends the run: " + both);
        assertTrue(full.getFirst().startsWith("zcbench: no space left on device in " + inFolder + ": "), both);
        assertEquals(1, new ObjectMapper().readTree(folder.resolve("jmh.json").toFile()).size(),
                "jmh.json keeps the row measured before: " + both);
        assertFalse(Files.exists(folder.resolve("failures.txt")), "nothing more written there");
    }
}
