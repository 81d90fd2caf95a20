package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row waits for a JMH run that is not zcbench's instead of failing with JMH's lock error. */
class JmhLockTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(said, true, StandardCharsets.UTF_8);

    @Test
    void noLockFileOrAFreeOneMeansGo() throws Exception {
        new JmhLock(tmp.resolve("jmh.lock"), Duration.ZERO, err).awaitFree();
        assertEquals("", said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void waitsOnceSaidForTheOtherJmhAndGoesWhenItEnds() throws Exception {
        // Any fcntl lock on the file is what JMH sees; the run lock's holder takes one.
        Path file = tmp.resolve("jmh.lock");
        Process other = LockHolder.start(file, 2);
        long start = System.nanoTime();
        JmhLock lock = new JmhLock(file, Duration.ofMinutes(1), err);
        lock.awaitFree();
        assertTrue(System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(1000), "waited");
        lock.awaitFree();
        String text = said.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("zcbench: waiting for a JMH run that is not zcbench's (pid " + other.pid()
                + ") to release " + file), text);
        other.destroyForcibly().waitFor();
    }

    @Test
    void givesUpAtTheLimit() throws Exception {
        Path file = tmp.resolve("jmh.lock");
        Process other = LockHolder.start(file, 30);
        try {
            Busy busy = assertThrows(Busy.class, () -> new JmhLock(file, Duration.ofSeconds(1), err).awaitFree());
            assertTrue(busy.getMessage().startsWith("gave up after 1 s of waiting for the JMH run that holds " + file),
                    busy.getMessage());
        } finally {
            other.destroyForcibly().waitFor();
        }
    }
}
