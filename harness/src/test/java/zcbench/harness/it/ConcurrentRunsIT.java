package zcbench.harness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs at once, without -Djmh.ignoreLock: the second waits for the first, says so once, and
 * both measure every row; JMH's own lock never refuses a row.
 */
class ConcurrentRunsIT {

    @Test
    void aSecondRunWaitsForTheFirstAndBothMeasureEveryRow(@TempDir Path out) throws Exception {
        Path lock = out.resolve("zcbench.lock");
        Map<String, String> env = Map.of("ZCBENCH_LOCK", lock.toString());
        List<String> args = List.of("run", "--plan", "smoke", "--wait-limit", "3", "--out", out.toString());
        Process first = Jar.start(List.of(), env, args.toArray(String[]::new));
        // Started once the first holds the machine, so which one waits is known.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(lock) && Files.readString(lock).contains("\"pid\":" + first.pid()))) {
            assertTrue(System.nanoTime() < deadline && first.isAlive(), "the first run took the lock");
            Thread.sleep(50);
        }
        Jar.Result refused = Jar.finish(Jar.start(List.of(), env, "run", "--plan", "smoke", "--no-wait", "--out",
                out.resolve("refused").toString()));
        Process second = Jar.start(List.of(), env, args.toArray(String[]::new));
        Jar.Result a = Jar.finish(first);
        Jar.Result b = Jar.finish(second);

        assertEquals(3, refused.exit(), refused.both());
        assertEquals(1, refused.err().lines().count(), refused.both());
        assertTrue(refused.err().startsWith("zcbench: another zcbench run (pid " + first.pid() + ", plan smoke with 5"
                + " rows, "), refused.both());
        assertFalse(Files.exists(out.resolve("refused")), "no run folder for a refused run");

        assertEquals(0, a.exit(), a.both());
        assertEquals(0, b.exit(), b.both());
        List<String> waiting = b.err().lines().filter(l -> l.contains("waiting for another zcbench run")).toList();
        assertEquals(1, waiting.size(), b.both());
        assertTrue(waiting.getFirst().startsWith("zcbench: waiting for another zcbench run (pid " + first.pid()
                + ", plan smoke with 5 rows, "), waiting.getFirst());
        for (Jar.Result r : List.of(a, b)) {
            assertFalse(r.err().contains("Another JMH instance") || r.out().contains("Another JMH instance"), r.both());
            assertEquals(5, r.err().lines().filter(l -> l.matches("\\s+[\\d,]+ .*MB/s.*")).count(),
                    "every row measured: " + r.both());
        }
        List<Path> runs;
        try (var s = Files.list(out)) {
            runs = s.filter(p -> p.getFileName().toString().endsWith("-smoke")).sorted().toList();
        }
        assertEquals(2, runs.size(), runs.toString());
        for (Path run : runs) {
            assertEquals(5, SmokeRunIT.csv(run.resolve("speedup.csv")).size(), run.toString());
        }
    }
}
