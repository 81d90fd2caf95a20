package zcbench.profiles.async;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlameSessionTest {

    private static final KernelAccess ROOT = new KernelAccess(OptionalInt.of(2), OptionalInt.of(0), 0, -1L);
    private static final KernelAccess USER = new KernelAccess(OptionalInt.of(2), OptionalInt.of(0), 1000, 0L);

    @Test
    void cpuOptionsForTheFlameProfiler(@TempDir Path run) {
        FlameSession s = new FlameSession(Preflight.decide(FlameMode.CPU, ROOT), Path.of("/lib/libasyncProfiler.so"), run);
        assertEquals(FlameProfiler.class, s.profilerClass());
        assertEquals("libPath=/lib/libasyncProfiler.so;event=cpu;dir="
                + run.toAbsolutePath().resolve("flame/.jmh-async") + ";interval=1000000", s.profilerOptions());
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints"), s.forkJvmArgs());
    }

    @Test
    void userWithoutPerfEventsGetsCtimer(@TempDir Path run) {
        FlameSession s = new FlameSession(Preflight.decide(FlameMode.CPU, USER), Path.of("/l.so"), run);
        assertTrue(s.profilerOptions().contains(";event=ctimer;"), s.profilerOptions());
    }

    @Test
    void wallTakesAsyncProfilersDefaultInterval(@TempDir Path run) {
        FlameSession s = new FlameSession(Preflight.decide(FlameMode.WALL, ROOT), Path.of("/l.so"), run);
        assertTrue(s.profilerOptions().contains(";event=wall;") && !s.profilerOptions().contains("interval"),
                s.profilerOptions());
    }

    @Test
    void apLoaderExtractsTheLibrary() {
        Path lib = ApLoader.libraryPath();
        assertTrue(Files.isRegularFile(lib) && lib.getFileName().toString().endsWith(".so"), lib.toString());
        assertTrue(ApLoader.version().startsWith("4."), ApLoader.version());
    }
}
