package zcbench.harness.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * JMH's own lock, {@code <tmpdir>/jmh.lock}, which JMH takes for each row and, when another JMH
 * holds it, answers with an error. zcbench runs never meet there ({@link RunLock}); this is for
 * a JMH run that is not zcbench's (java -jar benchmarks.jar, another project's benchmarks): a
 * row waits for it, saying so once, instead of failing.
 */
final class JmhLock {
    private final Path file;
    private final Duration limit;
    private final PrintStream err;
    private boolean said;

    JmhLock(Path file, Duration limit, PrintStream err) {
        this.file = file;
        this.limit = limit;
        this.err = err;
    }

    /** Where JMH 1.37 keeps it. */
    static Path jmhFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    }

    /** JMH does not lock at all when asked not to. */
    static boolean ignoredByJmh() {
        return Boolean.getBoolean("jmh.ignoreLock");
    }

    /** Returns when no other process holds the lock; JMH takes it right after. */
    void awaitFree() throws Busy {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                try {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        lock.release();
                        return;
                    }
                } catch (OverlappingFileLockException thisJvm) {
                    return;
                }
                if (!said) {
                    err.println("zcbench: waiting for a JMH run that is not zcbench's" + holder()
                            + " to release " + file + " (up to " + Waiting.format(limit)
                            + ", --wait-limit; Ctrl-C stops waiting)");
                    said = true;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new Busy("gave up after " + Waiting.format(limit) + " of waiting for the JMH run that holds "
                            + file + holder());
                }
                if (!Waiting.pause(deadline)) {
                    throw new Busy("stopped waiting (interrupted) for the JMH run that holds " + file);
                }
            }
        } catch (IOException e) {
            // Unreadable for this user: JMH will say so itself.
        }
    }

    /** " (pid 1234)" from /proc/locks when the lock's holder can be found there, else "". */
    private String holder() {
        try {
            Object inode = Files.getAttribute(file, "unix:ino");
            List<String> locks = Files.readAllLines(Path.of("/proc/locks"));
            for (String line : locks) {
                // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234 0 EOF"
                String[] f = line.trim().split("\\s+");
                if (f.length >= 6 && f[5].endsWith(":" + inode)) {
                    return " (pid " + f[4] + ")";
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no pid to name
        }
        return "";
    }
}
