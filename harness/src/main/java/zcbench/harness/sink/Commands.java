package zcbench.harness.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs iproute2 commands and fails with what they printed. */
final class Commands {
    /** How long one command may take: iproute2 answers in milliseconds, so this only catches a hung one. */
    static final Duration LIMIT = Duration.ofSeconds(30);
    /** How long a command killed at its limit is given to end: SIGKILL cannot end a task stuck in the kernel. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);
    /** How much of a hung command's output its failure shows. */
    private static final int SHOWN = 4000;

    private Commands() {
    }

    /** How a topology runs its commands: {@link #run} itself, or, in a test, a runner that fails on purpose. */
    @FunctionalInterface
    interface Runner {
        String run(String... command);
    }

    static String run(String... command) {
        return run(LIMIT, command);
    }

    /**
     * The command's output goes to a file rather than a pipe: reading a pipe to its end would wait for the
     * command before the limit could, and a pipe left unread would stop a command that prints more than the
     * pipe holds. A file needs no reader, and a process the command started cannot hold it open against us.
     */
    static String run(Duration limit, String... command) {
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
            return runTo(output, limit, named, command);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // Never the command's failure: a file of a few bytes left in the temporary directory.
                System.err.println("zcbench: cannot remove " + output + ": " + e.getMessage());
            }
        }
    }

    private static String runTo(Path output, Duration limit, String named, String... command) {
        String[] resolved = command.clone();
        resolved[0] = locate(command[0]);
        ProcessBuilder pb = new ProcessBuilder(resolved).redirectErrorStream(true).redirectOutput(output.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(named + ": cannot run (" + e.getMessage()
                    + "); the sink needs iproute2 (apt-get install iproute2)", e);
        }
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                boolean gone = stop(p);
                throw new IllegalStateException(named + ": no answer within " + limit.toSeconds() + " s, killed"
                        + (gone ? "" : " (and still not ended " + KILL_WAIT.toSeconds() + " s later)") + "; it printed"
                        + printedSoFar(output));
            }
        } catch (InterruptedException e) {
            // Not left running behind us.
            stop(p);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(named + ": interrupted", e);
        }
        String out = read(output, named);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(named + " failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
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

    private static String printedSoFar(Path output) {
        String out;
        try {
            out = text(output);
        } catch (IOException e) {
            return " what cannot be read (" + e.getMessage() + ")";
        }
        if (out.isEmpty()) {
            return " nothing";
        }
        return out.length() <= SHOWN ? ": " + out : ": " + out.substring(0, SHOWN) + " ... (" + out.length()
                + " characters in all)";
    }

    private static String read(Path output, String named) {
        try {
            return text(output);
        } catch (IOException e) {
            throw new IllegalStateException(named + ": cannot read its output from " + output + " (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Bytes that are not UTF-8 become replacement characters: a message, not a parse. */
    private static String text(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8).trim();
    }

    /**
     * iproute2 lives in /usr/sbin or /sbin, which a non-login root shell or a CI runner may not
     * have on its PATH; the absolute path is taken when it exists.
     */
    static String locate(String tool) {
        for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return tool;
    }
}
