package zcbench.harness.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run stopped by SIGINT (Ctrl-C) or SIGTERM ends as a run does, with the rows finished so far
 * (docs/ARCHITECTURE.md, "A stopped run"). The JVM answers either signal by running its shutdown hooks and then
 * exiting with 128 + the signal's number, while the main thread is still in the rows; this hook stops the
 * JMH fork, so that the row in progress fails at once, and waits, within {@link #REPORT_LIMIT}, for the main
 * thread to write the finished rows' table and report and to release the run lock ({@link #close}). Only when
 * the main thread does not come to an end in time does the hook release the lock itself.
 */
public final class RunStop implements AutoCloseable {
    /** How long a fork has to end after SIGTERM (its own hooks remove its namespaces) before it is killed. */
    static final Duration FORK_LIMIT = Duration.ofSeconds(10);
    /** How long the main thread has, once the forks are gone, to write the report and release the lock. */
    static final Duration REPORT_LIMIT = Duration.ofSeconds(60);
    /** How often the hook looks for a fork started after it began, while the main thread is still ending. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(200);

    private final RunLock lock;
    private final PrintStream progress;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;

    private RunStop(RunLock lock, PrintStream progress) {
        this.lock = lock;
        this.progress = progress;
        this.hook = new Thread(this::onShutdown, "zcbench-run-stop");
    }

    /** From now until {@link #close}, a signal stops the run this way. */
    public static RunStop install(RunLock lock, PrintStream progress) {
        RunStop stop = new RunStop(lock, progress);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Whether a signal has come: no further row starts. */
    public boolean signalled() {
        return signalled.get();
    }

    /** The run has ended (written what it could): releases the lock, then lets the JVM exit. */
    @Override
    public void close() {
        lock.close();
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that the run has ended.
        }
    }

    private void onShutdown() {
        signalled.set(true);
        progress.println("zcbench: stopping on a signal: the row in progress is abandoned, the finished rows'"
                + " table and report are written");
        long deadline = System.nanoTime() + FORK_LIMIT.toNanos() + REPORT_LIMIT.toNanos();
        try {
            // Again and again: the main thread may have started a fork just before it saw the signal.
            do {
                stopForks();
            } while (!ended.await(LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ended.getCount() > 0) {
            progress.println("zcbench: the run did not end within " + Waiting.format(FORK_LIMIT.plus(REPORT_LIMIT))
                    + " of the signal;"
                    + " releasing the run lock without its report (zcbench report RUN_FOLDER makes it)");
            lock.close();
        }
    }

    /** SIGTERM to every process this one started (the JMH fork, and what it started), then SIGKILL at the limit. */
    private void stopForks() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + FORK_LIMIT.toNanos();
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                progress.println("zcbench: pid " + p.pid() + " did not end within " + Waiting.format(FORK_LIMIT)
                        + " of SIGTERM; killing it");
                p.destroyForcibly();
            } catch (ExecutionException | InterruptedException e) {
                p.destroyForcibly();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
