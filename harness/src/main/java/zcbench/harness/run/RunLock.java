package zcbench.harness.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One zcbench run at a time on this machine. A run holds an exclusive lock on
 * {@code <tmpdir>/zcbench.lock} from before its run folder is made until its last row ends, and
 * writes into the file who it is and when it expects to end, so a second run can say what it
 * waits for. The lock is the kernel's (fcntl), so a run that is killed releases it with its
 * process; the next run then takes it over and says whose it was.
 *
 * <p>JMH has a lock of its own ({@code /tmp/jmh.lock}) which it takes for each row; holding this
 * one first means two zcbench runs never meet there.
 *
 * <p>The holder must not open the lock file a second time: closing any descriptor of a file
 * releases every fcntl lock the process holds on it. Everything goes through one channel.
 */
public final class RunLock implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds the machine, as written into the lock file. */
    public record Holder(long pid, String plan, int rows, long startedAt, long expectedEnd) {
        public static Holder now(String plan, int rows, long estimatedSeconds) {
            long now = Instant.now().getEpochSecond();
            return new Holder(ProcessHandle.current().pid(), plan, rows, now, now + estimatedSeconds);
        }

        Holder expectingEnd(long epochSecond) {
            return new Holder(pid, plan, rows, startedAt, epochSecond);
        }

        /** "pid 1234, plan smoke (5 rows), about 20 s left". */
        public String describe() {
            long left = expectedEnd - Instant.now().getEpochSecond();
            return "pid " + pid + ", plan " + plan + " with " + rows + (rows == 1 ? " row" : " rows") + ", "
                    + (left > 0 ? "about " + Waiting.format(Duration.ofSeconds(left)) + " left"
                            : "due to end by now");
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private Holder holder;

    private RunLock(Path file, FileChannel channel, FileLock lock, Holder holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /** {@code <tmpdir>/zcbench.lock}, or the file the environment variable {@code ZCBENCH_LOCK} names. */
    public static Path defaultFile() {
        String own = System.getenv("ZCBENCH_LOCK");
        return own != null && !own.isBlank() ? Path.of(own)
                : Path.of(System.getProperty("java.io.tmpdir"), "zcbench.lock");
    }

    /**
     * Takes the lock, waiting up to {@code limit} for the run that holds it (zero: not at all).
     * Says once per holder, on {@code err}, which run it waits for.
     *
     * @throws Busy when the limit passes, or the wait is interrupted, with the lock still held by another run
     */
    public static RunLock acquire(Path file, Holder me, Duration limit, PrintStream err) throws Busy {
        FileChannel channel = open(file);
        boolean done = false;
        try {
            long start = System.nanoTime();
            long deadline = start + limit.toNanos();
            long announced = Long.MIN_VALUE;
            boolean waited = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    Holder left = read(channel);
                    if (left != null && left.pid() != me.pid()) {
                        err.println("zcbench: taking over the machine from pid " + left.pid() + " (plan " + left.plan()
                                + "), a run that ended without releasing it (killed?)");
                    }
                    RunLock taken = new RunLock(file, channel, lock, me);
                    taken.write();
                    if (waited) {
                        err.println("zcbench: the machine is free after " + Waiting.format(
                                Duration.ofNanos(System.nanoTime() - start)) + " of waiting; starting");
                    }
                    done = true;
                    return taken;
                }
                Holder other = read(channel);
                String who = other == null ? "another zcbench run (it has not said who it is yet)"
                        : "another zcbench run (" + other.describe() + ")";
                if (limit.isZero()) {
                    throw new Busy(who + " holds the machine; not starting, as --no-wait asks");
                }
                // A run that has just taken the lock writes who it is a moment later, and one that is ending
                // empties the file a moment before it lets go: an empty record is said only if nothing was.
                boolean sayable = other != null ? other.pid() != announced
                        : announced == Long.MIN_VALUE && System.nanoTime() - start > Duration.ofSeconds(1).toNanos();
                long pid = other == null ? -1 : other.pid();
                if (sayable) {
                    err.println("zcbench: waiting for " + who + " to finish before starting (up to "
                            + Waiting.format(limit) + ", --wait-limit; Ctrl-C stops waiting)");
                    announced = pid;
                }
                waited = true;
                if (System.nanoTime() - deadline >= 0) {
                    throw new Busy("gave up after " + Waiting.format(limit) + " of waiting: " + who
                            + " still holds the machine; raise --wait-limit or try again later");
                }
                if (!Waiting.pause(deadline)) {
                    throw new Busy("stopped waiting (interrupted): " + who + " still holds the machine");
                }
            }
        } finally {
            if (!done) {
                closeQuietly(channel);
            }
        }
    }

    /** Tells waiting runs when this one now expects to end. */
    public void expectEndIn(long seconds) {
        holder = holder.expectingEnd(Instant.now().getEpochSecond() + seconds);
        write();
    }

    public Holder holder() {
        return holder;
    }

    /** Empties the file (an empty file means nobody left it behind) and releases the lock. */
    @Override
    public void close() {
        clearRecord();
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    /** Empties the record while still holding the lock, as close does first. */
    void clearRecord() {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // The lock goes with the channel either way; the next run only says whose it was.
        }
    }

    private void write() {
        try {
            byte[] json = JSON.writeValueAsBytes(holder);
            // Written over the old record, then cut to length, so a waiting run never reads an empty file here.
            channel.write(ByteBuffer.wrap(json), 0);
            channel.truncate(json.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Null when the file is empty (released cleanly) or not yet, or no longer, readable. */
    static Holder read(FileChannel channel) {
        try {
            long size = channel.size();
            if (size == 0 || size > 4096) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
                // read it all
            }
            return JSON.readValue(buf.array(), 0, buf.position(), Holder.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM holds it already
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the run lock: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the lock file for every user: a file another user made is opened without O_CREAT,
     * which /tmp's protected_regular would refuse.
     */
    private static FileChannel open(Path file) {
        for (int attempt = 0; ; attempt++) {
            try {
                return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                try {
                    Files.createFile(file);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
                } catch (FileAlreadyExistsException raced) {
                    // another run made it first: open theirs
                } catch (IOException c) {
                    throw new UncheckedIOException("cannot make the run lock " + file + ": " + c.getMessage(), c);
                }
                if (attempt > 3) {
                    throw new UncheckedIOException("cannot open the run lock " + file, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the run lock " + file + " (" + e.getMessage()
                        + "); its owner can remove it, or point ZCBENCH_LOCK at another file", e);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }
}
