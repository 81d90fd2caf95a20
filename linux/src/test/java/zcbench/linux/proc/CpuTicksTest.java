package zcbench.linux.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** /proc/stat and schedstat parsed from samples recorded on a 2-CPU machine and a 12-CPU one. */
class CpuTicksTest {
    /** Two readings of this machine's /proc/stat, one second apart while a sender ran on cpu1. */
    private static final String BEFORE = """
            cpu  771539 23 574584 1381371 1831 0 5932 203 0 0
            cpu0 389334 17 46606 927456 415 0 2170 91 0 0
            cpu1 382204 5 527977 453915 1415 0 3762 111 0 0
            intr 85719132 0 9 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
            ctxt 139802237
            """;
    private static final String AFTER = """
            cpu  771619 23 574672 1381459 1831 0 5952 206 0 0
            cpu0 389394 17 46618 927532 415 0 2172 91 0 0
            cpu1 382224 5 528053 453927 1415 0 3780 114 0 0
            intr 85811460 0 9 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
            ctxt 139902114
            """;
    /** Lines of a 12-CPU machine: cpu1 must not be read from cpu10's or cpu11's line. */
    private static final String TWELVE = """
            cpu  10 0 10 100 0 0 0 0 0 0
            cpu10 7 0 7 70 0 0 0 0 0 0
            cpu11 8 0 8 80 0 0 0 0 0 0
            cpu1 1 2 3 4 5 6 7 8 0 0
            """;

    @Test
    void aCpuLineIsReadByItsLabelAlone() {
        CpuTicks one = CpuTicks.parse(ProcText.of("/proc/stat", TWELVE), CpuTicks.label(1));
        assertEquals(new CpuTicks(1, 2, 3, 4, 5, 6, 7, 8), one);
        assertEquals(new CpuTicks(7, 0, 7, 70, 0, 0, 0, 0), CpuTicks.parse(ProcText.of("/proc/stat", TWELVE), "cpu10"));
        assertThrows(IllegalStateException.class, () -> CpuTicks.parse(ProcText.of("/proc/stat", TWELVE), "cpu2"));
    }

    @Test
    void ticksOfAnIntervalAreTheDifferenceAndEachIsTenMilliseconds() {
        CpuTicks spent = CpuTicks.parse(ProcText.of("/proc/stat", AFTER), "cpu1")
                .minus(CpuTicks.parse(ProcText.of("/proc/stat", BEFORE), "cpu1"));
        assertEquals(new CpuTicks(20, 0, 76, 12, 0, 0, 18, 3), spent);
        // user + nice + system + irq + softirq
        assertEquals(114, spent.busy());
        // Steal counts into the interval's length: the CPU was the guest's, but not given to it.
        assertEquals(129, spent.total());
        assertEquals(1_140_000_000L, CpuTicks.nanos(spent.busy()));
        assertEquals(180_000_000L, CpuTicks.nanos(spent.softirq()));
        assertEquals(10_000_000L, CpuTicks.NANOS_PER_TICK);
    }

    @Test
    void stealIsAShareOfEveryTickOfTheInterval() {
        CpuTicks before = new CpuTicks(100, 0, 50, 800, 0, 0, 0, 10);
        CpuTicks after = new CpuTicks(190, 0, 90, 1650, 0, 0, 0, 30);
        // 20 of 1000 ticks
        assertEquals(2.0, after.minus(before).stealPercent(), 1e-9);
        assertEquals(2.0, CpuTicks.stealPercent(20, 1000), 1e-9);
        assertTrue(Double.isNaN(before.minus(before).stealPercent()));
        assertTrue(Double.isNaN(CpuTicks.stealPercent(0, 0)));
    }

    @Test
    void twoCpusAddUp() {
        CpuTicks cpu0 = CpuTicks.parse(ProcText.of("/proc/stat", AFTER), "cpu0")
                .minus(CpuTicks.parse(ProcText.of("/proc/stat", BEFORE), "cpu0"));
        CpuTicks cpu1 = CpuTicks.parse(ProcText.of("/proc/stat", AFTER), "cpu1")
                .minus(CpuTicks.parse(ProcText.of("/proc/stat", BEFORE), "cpu1"));
        CpuTicks all = CpuTicks.parse(ProcText.of("/proc/stat", AFTER), CpuTicks.MACHINE)
                .minus(CpuTicks.parse(ProcText.of("/proc/stat", BEFORE), CpuTicks.MACHINE));
        assertEquals(all, cpu0.plus(cpu1), "the machine's line is the sum of its CPUs'");
    }

    @Test
    void schedstatIsRunWaitAndSlices() {
        Schedstat before = Schedstat.parse(ProcText.of("/proc/self/task/1/schedstat", "214408 0 1\n"));
        Schedstat after = Schedstat.parse(ProcText.of("/proc/self/task/1/schedstat", "987654321 12000 42\n"));
        assertEquals(new Schedstat(987_439_913L, 12_000L, 41), after.minus(before));
        assertEquals("/proc/self/task/77/schedstat", Schedstat.path(77));
    }

    @Test
    void thisMachinesFilesParse() {
        try (ProcFile stat = CpuTicks.open();
             ProcFile own = new ProcFile("/proc/thread-self/schedstat", 256)) {
            CpuTicks cpu0 = CpuTicks.parse(stat.reread(), CpuTicks.label(0));
            assertTrue(cpu0.total() > 0, cpu0.toString());
            CpuTicks machine = CpuTicks.parse(stat.reread(), CpuTicks.MACHINE);
            assertTrue(machine.total() >= cpu0.total(), machine + " against " + cpu0);
            long ran = Schedstat.parse(own.reread()).runNanos();
            long x = 0;
            for (long end = System.nanoTime() + 20_000_000L; System.nanoTime() < end; ) {
                x += System.nanoTime() & 1;
            }
            assertTrue(x >= 0);
            long spun = Schedstat.parse(own.reread()).runNanos() - ran;
            // 20 ms of spinning: the scheduler's clock is exact, so this thread ran at least most of it.
            assertTrue(spun > 5_000_000L, "ran " + spun + " ns");
        }
    }
}
