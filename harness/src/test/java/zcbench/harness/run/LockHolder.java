package zcbench.harness.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second process for the lock tests (fcntl locks are per process): takes the run lock named by
 * its first argument as plan "holder-test", prints "held", and keeps it until its stdin closes or
 * the given seconds pass. With a third argument of milliseconds it empties its record that long
 * before letting go, to widen the window in which a waiting run reads an empty file.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        RunLock lock = RunLock.acquire(file, RunLock.Holder.now("holder-test", 3, seconds), Duration.ZERO,
                new PrintStream(System.err));
        System.out.println("held");
        System.out.flush();
        Thread stdin = Thread.ofVirtual().start(() -> {
            try {
                System.in.read();
            } catch (java.io.IOException ignored) {
                // closed
            }
        });
        stdin.join(Duration.ofSeconds(seconds));
        if (args.length > 2) {
            lock.clearRecord();
            Thread.sleep(Long.parseLong(args[2]));
        }
        lock.close();
    }

    /** Starts a holder and returns once it holds the lock. */
    static Process start(Path file, long seconds, String... more) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), file.toString(), Long.toString(seconds)));
        command.addAll(java.util.List.of(more));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line = in.readLine();
        if (!"held".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the holder did not take the lock: " + line);
        }
        return p;
    }
}
