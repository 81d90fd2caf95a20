package zcbench.profiles.async;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zcbench.profiles.async.KernelAccess.CAP_PERFMON;
import static zcbench.profiles.async.KernelAccess.CAP_SYSLOG;
import static zcbench.profiles.async.KernelAccess.CAP_SYS_ADMIN;

class PreflightTest {

    /** Root's usual capabilities: all of them. */
    private static final long ALL_CAPS = 0x1ffffffffffL;
    private static final int USER = 1000;

    private static KernelAccess access(Integer paranoid, Integer kptr, int euid, long caps) {
        return new KernelAccess(paranoid == null ? OptionalInt.empty() : OptionalInt.of(paranoid),
                kptr == null ? OptionalInt.empty() : OptionalInt.of(kptr), euid, caps);
    }

    private static long cap(int... caps) {
        long set = 0;
        for (int c : caps) {
            set |= 1L << c;
        }
        return set;
    }

    private static Preflight cpu(KernelAccess access) {
        return Preflight.decide(FlameMode.CPU, access);
    }

    @Test
    void rootGetsKernelFramesWhateverParanoid() {
        // this machine: root, perf_event_paranoid=2, kptr_restrict=0
        Preflight p = cpu(access(2, 0, 0, ALL_CAPS));
        assertTrue(p.kernelFrames());
        assertEquals("cpu", p.event());
        assertTrue(p.message().contains("with kernel frames"), p.message());
    }

    @Test
    void perfmonCapabilityIsEnoughWithoutRoot() {
        assertTrue(cpu(access(3, 0, USER, cap(CAP_PERFMON))).kernelFrames());
        assertTrue(cpu(access(2, 0, USER, cap(CAP_SYS_ADMIN))).kernelFrames());
    }

    @Test
    void rootWithoutCapabilitiesIsTreatedAsAUser() {
        Preflight p = cpu(access(2, 0, 0, 0));
        assertFalse(p.kernelFrames());
        assertTrue(p.reason().contains("root without CAP_PERFMON or CAP_SYS_ADMIN"), p.reason());
    }

    @Test
    void userWithParanoidAtMostOneGetsKernelFrames() {
        for (int paranoid : new int[] {-1, 0, 1}) {
            Preflight p = cpu(access(paranoid, 0, USER, 0));
            assertTrue(p.kernelFrames(), "paranoid " + paranoid);
            assertEquals("cpu", p.event());
            assertTrue(p.reason().contains("kernel.perf_event_paranoid=" + paranoid), p.reason());
        }
    }

    @Test
    void userWithParanoidTwoOrMoreFallsBackToUserSpaceSampling() {
        for (int paranoid : new int[] {2, 3, 4}) {
            Preflight p = cpu(access(paranoid, 0, USER, 0));
            assertFalse(p.kernelFrames());
            assertEquals("ctimer", p.event());
            assertTrue(p.reason().contains("kernel.perf_event_paranoid=" + paranoid)
                    && p.reason().contains("uid 1000") && p.reason().contains("perf_event_paranoid=1"), p.reason());
            assertTrue(p.message().contains("NO kernel frames"), p.message());
        }
    }

    @Test
    void kernelWithoutPerfEventsFallsBack() {
        Preflight p = cpu(access(null, 0, 0, ALL_CAPS));
        assertFalse(p.kernelFrames());
        assertEquals("ctimer", p.event());
        assertTrue(p.reason().contains("no perf events"), p.reason());
    }

    @Test
    void kptrRestrictOneNeedsSyslogCapability() {
        assertTrue(cpu(access(1, 1, USER, cap(CAP_SYSLOG))).kernelFrames());
        Preflight p = cpu(access(1, 1, USER, 0));
        assertFalse(p.kernelFrames());
        assertEquals("cpu", p.event(), "perf events still see kernel time, without names");
        assertTrue(p.reason().contains("kernel.kptr_restrict=1") && p.reason().contains("without CAP_SYSLOG"), p.reason());
    }

    @Test
    void kptrRestrictTwoHidesSymbolsEvenFromRoot() {
        Preflight p = cpu(access(-1, 2, 0, ALL_CAPS));
        assertFalse(p.kernelFrames());
        assertEquals("cpu", p.event());
        assertTrue(p.reason().contains("kernel.kptr_restrict=2 hides kernel addresses from everyone"), p.reason());
    }

    @Test
    void unreadableKptrRestrictCountsAsHidden() {
        Preflight p = cpu(access(1, null, USER, 0));
        assertFalse(p.kernelFrames());
        assertTrue(p.reason().contains("kptr_restrict is unreadable"), p.reason());
    }

    @ParameterizedTest
    @EnumSource(value = FlameMode.class, names = {"WALL", "ALLOC", "LOCK"})
    void otherModesNeverHaveKernelFrames(FlameMode mode) {
        Preflight p = Preflight.decide(mode, access(-1, 0, 0, ALL_CAPS));
        assertFalse(p.kernelFrames());
        assertEquals(mode.cliName(), p.event());
        assertTrue(p.reason().contains("--flame cpu"), p.reason());
    }

    @Test
    void modeNamesParse() {
        for (FlameMode mode : FlameMode.values()) {
            assertEquals(mode, FlameMode.parse(mode.cliName()));
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FlameMode.parse("cycles"));
        assertTrue(e.getMessage().contains("cpu|wall|alloc|lock"), e.getMessage());
    }

    @Test
    void readsThisMachine() throws Exception {
        KernelAccess here = KernelAccess.read();
        Path paranoid = Path.of("/proc/sys/kernel/perf_event_paranoid");
        if (Files.exists(paranoid)) {
            assertEquals(Integer.parseInt(Files.readString(paranoid).trim()), here.perfEventParanoid().getAsInt());
        }
        if (here.euid() == 0) {
            assertTrue(here.has(CAP_SYS_ADMIN), "root here has CAP_SYS_ADMIN");
        }
        assertFalse(Preflight.check(FlameMode.CPU).reason().isBlank());
    }
}
