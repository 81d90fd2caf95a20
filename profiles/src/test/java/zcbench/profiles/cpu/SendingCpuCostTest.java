package zcbench.profiles.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import zcbench.linux.proc.CpuTicks;
import zcbench.linux.proc.ProcText;
import zcbench.linux.proc.Schedstat;
import zcbench.linux.sched.Rusage;
import zcbench.vocabulary.CpuMetric;

/** The per-packet arithmetic on windows made of recorded /proc/stat and schedstat samples. */
class SendingCpuCostTest {
    private static final String STAT_BEFORE = """
            cpu  771539 23 574584 1381371 1831 0 5932 203 0 0
            cpu0 389334 17 46606 927456 415 0 2170 91 0 0
            cpu1 382204 5 527977 453915 1415 0 3762 111 0 0
            """;
    /** One second later: cpu1 busy 97 of 100 ticks, 18 of them softirq; cpu0 60 user ticks, 2 steal. */
    private static final String STAT_AFTER = """
            cpu  771614 23 574660 1381398 1831 0 5952 205 0 0
            cpu0 389394 17 46618 927480 415 0 2172 93 0 0
            cpu1 382219 5 528041 453918 1415 0 3780 111 0 0
            """;
    private static final long PACKETS = 100_000;
    private static final long BYTES = PACKETS * 65435;

    private static CpuTicks ticks(int cpu) {
        return CpuTicks.parse(ProcText.of("/proc/stat", STAT_AFTER), CpuTicks.label(cpu))
                .minus(CpuTicks.parse(ProcText.of("/proc/stat", STAT_BEFORE), CpuTicks.label(cpu)));
    }

    private static Schedstat run(String before, String after) {
        return Schedstat.parse(ProcText.of("schedstat", after)).minus(Schedstat.parse(ProcText.of("schedstat", before)));
    }

    /** The sender on cpu1: ran 780 ms, 150 ms user and 630 ms system; the fork as a whole 1030 ms. */
    private static SenderWindow onCpu1() {
        return new SenderWindow(1, ticks(1), run("5000000000 10 100\n", "5780000000 20 130\n"),
                new Rusage.Times(150_000_000L, 630_000_000L), new Rusage.Times(400_000_000L, 630_000_000L),
                PACKETS, BYTES, 1_000_000_000L);
    }

    @Test
    void oneSenderOnItsCpu() {
        SendingCpuCost m = SendingCpuCost.of(List.of(onCpu1()));
        // cpu1: 15 user + 64 system + 18 softirq = 97 ticks = 970 ms over 100000 packets.
        assertEquals(9700.0, m.get(CpuMetric.NS_PER_PACKET), 1e-9);
        assertEquals(7800.0, m.get(CpuMetric.SENDER_NS_PER_PACKET), 1e-9);
        assertEquals(1800.0, m.get(CpuMetric.SOFTIRQ_NS_PER_PACKET), 1e-9);
        // 1030 ms of the fork less the sender's 780 ms.
        assertEquals(2500.0, m.get(CpuMetric.OTHER_THREADS_NS_PER_PACKET), 1e-9);
        assertEquals(0.970 / (BYTES / (double) (1 << 30)), m.get(CpuMetric.S_PER_GIB), 1e-12);
        assertEquals(970e6 / (BYTES / (double) (1 << 20)), m.get(CpuMetric.NS_PER_MIB), 1e-6);
        assertEquals(0.0, m.get(CpuMetric.STEAL_PCT), 1e-12);
        assertEquals(15.0, m.get(CpuMetric.USER_PCT), 1e-9);
        assertEquals(63.0, m.get(CpuMetric.SYS_PCT), 1e-9);
        // ns per packet times packets per second is the CPU's busy share.
        assertEquals(0.97, m.get(CpuMetric.NS_PER_PACKET) * PACKETS / 1e9, 1e-12);
    }

    @Test
    void twoSendersSumTheirCpusAndTheirPackets() {
        SenderWindow second = new SenderWindow(0, ticks(0), run("0 0 0\n", "600000000 0 9\n"),
                new Rusage.Times(600_000_000L, 0), new Rusage.Times(400_000_000L, 630_000_000L),
                PACKETS, BYTES, 1_000_000_000L);
        SendingCpuCost m = SendingCpuCost.of(List.of(onCpu1(), second));
        // cpu1's 97 ticks and cpu0's 60 + 12 + 2 = 74, over both senders' packets.
        assertEquals(1_710_000_000.0 / (2 * PACKETS), m.get(CpuMetric.NS_PER_PACKET), 1e-9);
        assertEquals(1_380_000_000.0 / (2 * PACKETS), m.get(CpuMetric.SENDER_NS_PER_PACKET), 1e-9);
        assertEquals(200_000_000.0 / (2 * PACKETS), m.get(CpuMetric.SOFTIRQ_NS_PER_PACKET), 1e-9);
        // cpu0: 2 steal ticks of its 100, cpu1 none of its 100.
        assertEquals(1.0, m.get(CpuMetric.STEAL_PCT), 1e-9);
        // The fork's 1030 ms hold less than both senders' 1380 ms: the other threads are never below 0.
        assertEquals(0.0, m.get(CpuMetric.OTHER_THREADS_NS_PER_PACKET), 1e-12);
    }

    @Test
    void aNeighbourStealingTheCpuShowsInStealPct() {
        CpuTicks stolen = new CpuTicks(10, 0, 60, 0, 0, 0, 5, 25);
        SenderWindow w = new SenderWindow(1, stolen, run("0 0 0\n", "700000000 0 1\n"),
                new Rusage.Times(100_000_000L, 600_000_000L), new Rusage.Times(100_000_000L, 600_000_000L),
                PACKETS, BYTES, 1_000_000_000L);
        SendingCpuCost m = SendingCpuCost.of(List.of(w));
        assertEquals(25.0, m.get(CpuMetric.STEAL_PCT), 1e-9);
        assertTrue(m.get(CpuMetric.STEAL_PCT) > CpuMetric.STOLEN_PCT);
        // Steal is not the sender's cost.
        assertEquals(7500.0, m.get(CpuMetric.NS_PER_PACKET), 1e-9);
    }

    @Test
    void anUnpinnedSenderHasNoCpuOfItsOwn() {
        SenderWindow w = new SenderWindow(-1, null, run("0 0 0\n", "800000000 0 5\n"),
                new Rusage.Times(200_000_000L, 600_000_000L), new Rusage.Times(300_000_000L, 600_000_000L),
                PACKETS, BYTES, 1_000_000_000L);
        SendingCpuCost m = SendingCpuCost.of(List.of(w));
        assertEquals(8000.0, m.get(CpuMetric.NS_PER_PACKET), 1e-9);
        assertEquals(8000.0, m.get(CpuMetric.SENDER_NS_PER_PACKET), 1e-9);
        assertEquals(1000.0, m.get(CpuMetric.OTHER_THREADS_NS_PER_PACKET), 1e-9);
        assertFalse(m.has(CpuMetric.SOFTIRQ_NS_PER_PACKET));
        assertFalse(m.has(CpuMetric.STEAL_PCT));
    }

    @Test
    void noPacketsNoFigures() {
        assertTrue(SendingCpuCost.of(List.of()).isEmpty());
    }

    @Test
    void aMeterMeasuresItsOwnThread() {
        try (SenderMeter meter = SenderMeter.open(0)) {
            SenderWindows.drain();
            meter.start(0, 0);
            long x = 0;
            for (long end = System.nanoTime() + 30_000_000L; System.nanoTime() < end; ) {
                x += System.nanoTime() & 1;
            }
            meter.stop(1000, 1000 * 1024);
            assertTrue(x >= 0);
            List<SenderWindow> windows = SenderWindows.drain();
            assertEquals(1, windows.size());
            SenderWindow w = windows.getFirst();
            assertEquals(1000, w.packets());
            assertTrue(w.pinned() && w.cpu() == 0);
            assertTrue(w.run().runNanos() > 5_000_000L && w.run().runNanos() <= w.wallNanos() + 1_000_000L,
                    w.toString());
            assertTrue(w.thread().totalNanos() > 0 && w.self().totalNanos() >= w.thread().totalNanos(), w.toString());
        }
    }

    /** The last iteration's trial teardown closes the meter before the profiler takes the window. */
    @Test
    void aWindowOutlivesItsMeter() {
        SenderWindows.drain();
        try (SenderMeter meter = SenderMeter.open(-1)) {
            meter.start(5, 50);
            meter.stop(25, 250);
        }
        List<SenderWindow> windows = SenderWindows.drain();
        assertEquals(1, windows.size());
        assertEquals(20, windows.getFirst().packets());
        assertEquals(200, windows.getFirst().bytes());
        assertFalse(windows.getFirst().pinned());
        assertTrue(SenderWindows.drain().isEmpty(), "taken once");
    }
}
