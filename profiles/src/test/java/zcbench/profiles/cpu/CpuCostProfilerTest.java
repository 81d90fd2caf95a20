package zcbench.profiles.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import zcbench.profiles.testbench.BusyBench;
import zcbench.profiles.testbench.JmhRuns;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import zcbench.linux.sched.Rusage;
import zcbench.vocabulary.CpuMetric;

class CpuCostProfilerTest {

    @Test
    void rusageAdvancesWithWork() {
        Rusage.Times before = Rusage.self();
        long x = 0;
        for (long end = System.nanoTime() + 50_000_000L; System.nanoTime() < end; ) {
            x += System.nanoTime() & 1;
        }
        Rusage.Times spent = Rusage.self().minus(before);
        assertTrue(x >= 0);
        // 50 ms of spinning; µs resolution, so well above one 10 ms tick, and below the wall time of 2 cores.
        long cpu = spent.userNanos() + spent.systemNanos();
        assertTrue(cpu > 5_000_000L && cpu < 500_000_000L, "CPU time of a 50 ms spin: " + cpu + " ns");
    }

    /** A busy loop through JMH's Runner, forked: CPU per packet must be close to the wall time per packet. */
    @Test
    @Timeout(30)
    void reportsSaneCostForBusyLoop() throws Exception {
        Collection<RunResult> results = JmhRuns.run(BusyBench.class, o -> o.addProfiler(CpuCostProfiler.class));
        BenchmarkResult result = results.iterator().next().getAggregatedResult();
        var secondary = result.getSecondaryResults();
        Result<?> perPacket = secondary.get(CpuMetric.NS_PER_PACKET.id());
        Result<?> perMib = secondary.get(CpuMetric.NS_PER_MIB.id());
        assertNotNull(perPacket, "secondary results: " + secondary.keySet());
        assertNotNull(perMib, "secondary results: " + secondary.keySet());
        assertEquals("ns/packet", perPacket.getScoreUnit());

        double wallNsPerPacket = 1e9 / secondary.get("packets").getScore();
        double cpuNsPerPacket = perPacket.getScore();
        // One busy thread: CPU ≈ wall per packet. Other load on a shared 2-core machine stretches the
        // wall time, the JIT and GC threads add CPU; both stay well within these bounds.
        assertTrue(cpuNsPerPacket > 0.2 * wallNsPerPacket && cpuNsPerPacket < 4 * wallNsPerPacket,
                "cpu " + cpuNsPerPacket + " ns/packet vs wall " + wallNsPerPacket + " ns/packet");
        assertEquals(1024 * 1024.0 / BusyBench.PACKET_BYTES, perMib.getScore() / cpuNsPerPacket, 1e-6);

        // Pinned: the CPU's own figures are there, and the sender's run time is at most what its CPU did.
        assertNotNull(secondary.get(CpuMetric.STEAL_PCT.id()), "secondary results: " + secondary.keySet());
        assertNotNull(secondary.get(CpuMetric.SOFTIRQ_NS_PER_PACKET.id()), "secondary results: " + secondary.keySet());
        assertNotNull(secondary.get(CpuMetric.OTHER_THREADS_NS_PER_PACKET.id()), "secondary results: "
                + secondary.keySet());
        double sender = secondary.get(CpuMetric.SENDER_NS_PER_PACKET.id()).getScore();
        assertTrue(sender > 0 && sender < 1.1 * cpuNsPerPacket, "sender " + sender + " vs cpu " + cpuNsPerPacket);

        double user = secondary.get(CpuMetric.USER_PCT.id()).getScore();
        double sys = secondary.get(CpuMetric.SYS_PCT.id()).getScore();
        assertTrue(user > 20 && user < 250, "user " + user + " %");
        assertTrue(sys < user, "a busy loop spends its time in user space: user " + user + " %, sys " + sys + " %");
    }
}
