package zcbench.harness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --flame cpu --jfr} on the row with the longest JMH trial id of the RFC's: every knob's name and value
 * passed the 255 bytes of a file name, and JMH's own profilers, which name a folder by it, failed the row
 * (ENAMETOOLONG). The graph and the recording come out named by the row key.
 */
class ProfiledRowIT {
    private static final String KEY = "uring_zc_fixed-65435-b1-flush=false-ubuf_cache=on-loopback";

    @Test
    void theLongestRowGetsItsFlameGraphAndRecording(@TempDir Path out) throws Exception {
        Jar.Result r = Jar.finish(Jar.start(List.of("-Djmh.ignoreLock=true"),
                Map.of("ZCBENCH_LOCK", out.resolve("zcbench.lock").toString()), "run", "-p", "variant=uring_zc_fixed",
                "-p", "batch=1", "--target", "loopback", "--flame", "cpu", "--jfr", "-f", "1", "-wi", "0", "-i", "2",
                "-r", "300ms", "--out", out.toString()));
        assertEquals(0, r.exit(), r.both());
        Path run = out.resolve("latest").toRealPath();
        assertTrue(Files.readString(run.resolve("flame/" + KEY + ".cpu.html")).contains("<canvas"), r.both());
        assertTrue(Files.size(run.resolve("flame/" + KEY + ".cpu.collapsed")) > 0, r.both());
        assertTrue(Files.size(run.resolve("jfr/" + KEY + ".jfr")) > 0, r.both());
        assertTrue(Files.readString(run.resolve("profile-summary.csv")).contains(KEY), r.both());
        assertTrue(Files.notExists(run.resolve("flame/.jmh-async")) && Files.notExists(run.resolve("jfr/.jmh-jfr")),
                "the trials' folders are emptied and removed");
    }
}
