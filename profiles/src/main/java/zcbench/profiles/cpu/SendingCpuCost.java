package zcbench.profiles.cpu;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import zcbench.linux.proc.CpuTicks;
import zcbench.vocabulary.CpuMetric;

/**
 * One iteration's {@link CpuMetric}s from its senders' windows: the sending CPUs' /proc/stat summed
 * over the senders' distinct CPUs, the senders' own run time, the rest of the fork, all per packet of
 * the same windows (docs/ARCHITECTURE.md, "The sending CPU's cost").
 */
public final class SendingCpuCost {
    private static final double MIB = 1 << 20;
    private static final double GIB = 1 << 30;

    private SendingCpuCost() {
    }

    /** Nothing when no sender measured a window or none sent a packet. */
    public static Map<CpuMetric, Double> of(List<SenderWindow> windows) {
        Map<CpuMetric, Double> m = new EnumMap<>(CpuMetric.class);
        long packets = 0;
        long bytes = 0;
        long run = 0;
        long threadUser = 0;
        long threadSystem = 0;
        // Each sender read the fork's total over its own window; they overlap but for microseconds.
        long self = 0;
        long wall = 0;
        for (SenderWindow w : windows) {
            packets += w.packets();
            bytes += w.bytes();
            run += w.run().runNanos();
            threadUser += w.thread().userNanos();
            threadSystem += w.thread().systemNanos();
            self = Math.max(self, w.self().totalNanos());
            wall = Math.max(wall, w.wallNanos());
        }
        if (packets <= 0) {
            return m;
        }
        CpuTicks ticks = sendingCpus(windows);

        // Unpinned, no one CPU is the sender's: its own run time is all that is its.
        double cpuNanos = ticks == null ? run : CpuTicks.nanos(ticks.busy());
        m.put(CpuMetric.NS_PER_PACKET, cpuNanos / packets);
        m.put(CpuMetric.SENDER_NS_PER_PACKET, (double) run / packets);
        m.put(CpuMetric.OTHER_THREADS_NS_PER_PACKET,
                (double) Math.max(0, self - threadUser - threadSystem) / packets);
        if (wall > 0) {
            m.put(CpuMetric.USER_PCT, 100.0 * threadUser / wall);
            m.put(CpuMetric.SYS_PCT, 100.0 * threadSystem / wall);
        }
        if (bytes > 0) {
            m.put(CpuMetric.NS_PER_MIB, cpuNanos / (bytes / MIB));
            m.put(CpuMetric.S_PER_GIB, cpuNanos / 1e9 / (bytes / GIB));
        }
        if (ticks != null) {
            m.put(CpuMetric.SOFTIRQ_NS_PER_PACKET, (double) CpuTicks.nanos(ticks.softirq()) / packets);
            if (ticks.total() > 0) {
                m.put(CpuMetric.STEAL_PCT, 100.0 * ticks.steal() / ticks.total());
            }
        }
        return m;
    }

    /** The senders' CPUs' ticks, each CPU once; null when a sender was not pinned. */
    private static CpuTicks sendingCpus(List<SenderWindow> windows) {
        CpuTicks sum = new CpuTicks(0, 0, 0, 0, 0, 0, 0, 0);
        BitSet seen = new BitSet();
        for (SenderWindow w : windows) {
            if (!w.pinned()) {
                return null;
            }
            if (!seen.get(w.cpu())) {
                seen.set(w.cpu());
                sum = sum.plus(w.cpuTicks());
            }
        }
        return sum;
    }
}
