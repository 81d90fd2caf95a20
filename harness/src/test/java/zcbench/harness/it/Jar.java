package zcbench.harness.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** benchmarks.jar as a user runs it, stdout and stderr apart. */
final class Jar {
    static final Path JAR = Path.of("target", "benchmarks.jar");

    record Result(int exit, String out, String err) {
        String both() {
            return "--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Jar() {
    }

    static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(args);
        return cmd;
    }

    static Process start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, List.of(args)));
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result finish(Process p) throws Exception {
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished in time");
        return new Result(p.exitValue(), out, err.get());
    }

    static Result run(String... args) throws Exception {
        return finish(start(List.of(), Map.of(), args));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
