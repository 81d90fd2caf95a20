package zcbench.harness.targets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import zcbench.linux.exec.TimedCommand;

/** Runs iproute2 commands and fails with what they printed. */
final class Commands {
    /** How long one command may take: iproute2 answers in milliseconds, so this only catches a hung one. */
    static final Duration LIMIT = Duration.ofSeconds(30);
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

    /** {@code command} with its tool found ({@link #locate}), run by {@link TimedCommand} within {@code limit}. */
    static String run(Duration limit, String... command) {
        String named = String.join(" ", command);
        List<String> resolved = new ArrayList<>(List.of(command));
        resolved.set(0, locate(command[0]));
        TimedCommand.Ended ended;
        try {
            ended = TimedCommand.run(resolved, limit);
        } catch (IOException e) {
            throw new IllegalStateException(named + ": cannot run (" + e.getMessage()
                    + "); the sink needs iproute2 (apt-get install iproute2)", e);
        } catch (TimedCommand.TimedOut e) {
            throw new IllegalStateException(named + ": no answer within " + limit.toSeconds() + " s, killed"
                    + (e.ended() ? "" : " (and still not ended " + e.killWaitSeconds() + " s later)")
                    + "; it printed" + shown(e.printed()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(named + ": interrupted", e);
        }
        if (ended.exit() != 0) {
            throw new IllegalStateException(named + " failed (exit " + ended.exit() + "): " + ended.output());
        }
        return ended.output();
    }

    /** What a hung command printed, at most {@link #SHOWN} characters of it. */
    private static String shown(String out) {
        if (out.isEmpty()) {
            return " nothing";
        }
        return out.length() <= SHOWN ? ": " + out : ": " + out.substring(0, SHOWN) + " ... (" + out.length()
                + " characters in all)";
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
