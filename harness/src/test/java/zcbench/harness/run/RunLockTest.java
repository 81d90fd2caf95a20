package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time: the second waits (saying for whom), refuses with --no-wait, or takes over from a dead one. */
class RunLockTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(said, true, StandardCharsets.UTF_8);

    private String said() {
        return said.toString(StandardCharsets.UTF_8);
    }

    private static RunLock.Holder me() {
        return RunLock.Holder.now("mine", 1, 5);
    }

    @Test
    void aFreeLockIsTakenAtOnceAndLeftEmpty() throws Exception {
        Path file = tmp.resolve("zcbench.lock");
        try (RunLock lock = RunLock.acquire(file, me(), Duration.ZERO, err)) {
            assertTrue(Files.readString(file).contains("\"plan\":\"mine\""), Files.readString(file));
            lock.expectEndIn(42);
            assertTrue(lock.holder().expectedEnd() >= lock.holder().startedAt() + 42);
        }
        assertEquals(0, Files.size(file), "a clean release leaves nothing for the next run to report");
        assertEquals("rw-rw-rw-", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)), "every user's runs can take it");
        try (RunLock again = RunLock.acquire(file, me(), Duration.ZERO, err)) {
            assertEquals("", said());
        }
    }

    @Test
    void noWaitRefusesInOneSentenceNamingTheHolder() throws Exception {
        Path file = tmp.resolve("zcbench.lock");
        Process holder = LockHolder.start(file, 30);
        try {
            long start = System.nanoTime();
            Busy busy = assertThrows(Busy.class, () -> RunLock.acquire(file, me(), Duration.ZERO, err));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "did not wait");
            assertTrue(busy.getMessage().startsWith("another zcbench run (pid " + holder.pid()
                    + ", plan holder-test with 3 rows, about "), busy.getMessage());
            assertTrue(busy.getMessage().endsWith("holds the machine; not starting, as --no-wait asks"),
                    busy.getMessage());
            assertEquals("", said(), "the refusal is the only message");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSecondRunWaitsSayingOnceForWhomAndStartsWhenTheFirstEnds() throws Exception {
        Path file = tmp.resolve("zcbench.lock");
        Process holder = LockHolder.start(file, 2);
        long start = System.nanoTime();
        try (RunLock lock = RunLock.acquire(file, me(), Duration.ofMinutes(1), err)) {
            long waited = System.nanoTime() - start;
            assertTrue(waited > TimeUnit.MILLISECONDS.toNanos(1000), "waited for the holder: " + waited);
            assertTrue(holder.waitFor(5, TimeUnit.SECONDS) && holder.exitValue() == 0, "the holder ended first");
            String[] lines = said().split("\n");
            assertEquals(2, lines.length, said());
            assertTrue(lines[0].startsWith("zcbench: waiting for another zcbench run (pid " + holder.pid()
                    + ", plan holder-test with 3 rows, about "), lines[0]);
            assertTrue(lines[0].endsWith("to finish before starting (up to 1 min, --wait-limit; Ctrl-C stops"
                    + " waiting)"), lines[0]);
            assertTrue(lines[1].startsWith("zcbench: the machine is free after "), lines[1]);
            assertTrue(Files.readString(file).contains("\"pid\":" + ProcessHandle.current().pid()));
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aRecordEmptiedJustBeforeTheReleaseIsNotSaidAsASecondHolder() throws Exception {
        Path file = tmp.resolve("zcbench.lock");
        Process holder = LockHolder.start(file, 1, "1500");
        try (RunLock lock = RunLock.acquire(file, me(), Duration.ofMinutes(1), err)) {
            String[] lines = said().split("\n");
            assertEquals(2, lines.length, said());
            assertTrue(lines[0].startsWith("zcbench: waiting for another zcbench run (pid " + holder.pid()), lines[0]);
            assertTrue(lines[1].startsWith("zcbench: the machine is free after "), lines[1]);
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void theWaitHasALimit() throws Exception {
        Path file = tmp.resolve("zcbench.lock");
        Process holder = LockHolder.start(file, 30);
        try {
            long start = System.nanoTime();
            Busy busy = assertThrows(Busy.class, () -> RunLock.acquire(file, me(), Duration.ofSeconds(1), err));
            long waited = System.nanoTime() - start;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(1000) && waited < TimeUnit.SECONDS.toNanos(5),
                    "waited about the limit: " + waited);
            assertTrue(busy.getMessage().startsWith("gave up after 1 s of waiting: another zcbench run (pid "
                    + holder.pid()), busy.getMessage());
            assertTrue(busy.getMessage().endsWith("still holds the machine; raise --wait-limit or try again later"),
                    busy.getMessage());
            assertEquals(1, said().lines().count(), said());
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aKilledRunsLockIsTakenOverAndSaidSo() throws Exception {
        Path file = tmp.resolve("zcbench.lock");
        Process holder = LockHolder.start(file, 30);
        holder.destroyForcibly().waitFor();
        assertTrue(Files.readString(file).contains("\"pid\":" + holder.pid()), "the dead run's record is still there");
        try (RunLock lock = RunLock.acquire(file, me(), Duration.ZERO, err)) {
            assertEquals("zcbench: taking over the machine from pid " + holder.pid() + " (plan holder-test), a run"
                    + " that ended without releasing it (killed?)\n", said());
        }
    }
}
