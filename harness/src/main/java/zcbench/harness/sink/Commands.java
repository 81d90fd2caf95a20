package zcbench.harness.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs iproute2 commands and fails with what they printed. */
final class Commands {
    private Commands() {
    }

    /** How a topology runs its commands: {@link #run} itself, or, in a test, a runner that fails on purpose. */
    @FunctionalInterface
    interface Runner {
        String run(String... command);
    }

    static String run(String... command) {
        String[] resolved = command.clone();
        resolved[0] = locate(command[0]);
        ProcessBuilder pb = new ProcessBuilder(resolved).redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + ": no answer within 30 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": cannot run (" + e.getMessage()
                    + "); the sink needs iproute2 (apt-get install iproute2)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + ": interrupted", e);
        }
    }

    /**
     * iproute2 lives in /usr/sbin or /sbin, which a non-login root shell or a CI runner may not
     * have on its PATH; the absolute path is taken when it exists.
     */
    static String locate(String tool) {
        for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
            java.nio.file.Path p = java.nio.file.Path.of(dir, tool);
            if (java.nio.file.Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return tool;
    }
}
