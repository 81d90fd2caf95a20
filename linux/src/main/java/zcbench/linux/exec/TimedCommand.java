package zcbench.linux.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process run to its end within a time limit, for the tools zcbench calls once and waits for
 * (iproute2 for the targets, perf's check for {@code --events}). Its stdout and stderr go together to a
 * file rather than a pipe: reading a pipe to its end would wait for the child before the limit could, and a
 * pipe left unread would stop a child that prints more than the pipe holds. A file needs no reader, and a
 * process the child started cannot hold it open against us.
 */
public final class TimedCommand {
    /** How long a child killed at its limit is given to end: SIGKILL cannot end a task stuck in the kernel. */
    static final Duration KILL_WAIT = Duration.ofSeconds(2);

    private TimedCommand() {
    }

    /** A child that ended within its limit: its exit status and what it printed, trimmed. */
    public record Ended(int exit, String output) {
    }

    /** A child that did not end within its limit; it has been killed. */
    public static final class TimedOut extends Exception {
        private final String printed;
        private final boolean ended;

        TimedOut(String printed, boolean ended) {
            super("no end within the limit");
            this.printed = printed;
            this.ended = ended;
        }

        /**
         * What it printed before it was killed, trimmed, or a sentence in parentheses when that cannot be
         * read.
         */
        public String printed() {
            return printed;
        }

        /** Whether it ended once killed, within {@link #KILL_WAIT}. */
        public boolean ended() {
            return ended;
        }

        /** {@link #KILL_WAIT} in seconds, for a message about a child that did not end even then. */
        public long killWaitSeconds() {
            return KILL_WAIT.toSeconds();
        }
    }

    /**
     * Runs {@code command} and waits for it up to {@code limit}; an interrupted wait kills it too.
     *
     * @throws IOException when it cannot be started
     * @throws IllegalStateException when the file for its output cannot be made or read
     */
    public static Ended run(List<String> command, Duration limit)
            throws IOException, TimedOut, InterruptedException {
        String named = String.join(" ", command);
        Path output;
        try {
            output = Files.createTempFile("zcbench-command-", ".out");
        } catch (IOException e) {
            throw new IllegalStateException(named + ": cannot make a file for its output in "
                    + System.getProperty("java.io.tmpdir") + " (" + e.getMessage() + "); make room there or set"
                    + " -Djava.io.tmpdir", e);
        }
        try {
            return runTo(output, named, command, limit);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // Never the command's failure: a file of a few bytes left in the temporary directory.
                System.err.println("zcbench: cannot remove " + output + ": " + e.getMessage());
            }
        }
    }

    private static Ended runTo(Path output, String named, List<String> command, Duration limit)
            throws IOException, TimedOut, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                boolean ended = stop(p);
                String printed;
                try {
                    printed = text(output);
                } catch (IOException e) {
                    printed = "(what cannot be read: " + e.getMessage() + ")";
                }
                throw new TimedOut(printed, ended);
            }
        } catch (InterruptedException e) {
            // Not left running behind us.
            stop(p);
            throw e;
        }
        try {
            return new Ended(p.exitValue(), text(output));
        } catch (IOException e) {
            throw new IllegalStateException(named + ": cannot read its output from " + output + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Kills {@code p} and waits briefly for it; false when it is still there. */
    private static boolean stop(Process p) {
        p.destroyForcibly();
        try {
            return p.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** Bytes that are not UTF-8 become replacement characters: a message, not a parse. */
    private static String text(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8).trim();
    }
}
