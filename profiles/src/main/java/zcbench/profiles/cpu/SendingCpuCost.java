package zcbench.profiles.cpu;

import java.util.Arrays;
import java.util.List;

import zcbench.linux.proc.CpuTicks;
import zcbench.vocabulary.CpuMetric;

/**
 * One iteration's {@link CpuMetric}s from its senders' windows: the sending CPUs' /proc/stat summed
 * over the senders' distinct CPUs, the senders' own run time, the rest of the fork, all per packet of
 * the same windows (docs/ARCHITECTURE.md, "The sending CPU's cost"). It is made on JMH's control thread
 * inside -prof gc's window, so it keeps its figures in one array.
 */
public final class SendingCpuCost {
    private static final double MIB = 1 << 20;
    private static final double GIB = 1 << 30;

    /** By {@link CpuMetric#ordinal()}; NaN where there is no figure. */
    private final double[] values = new double[CpuMetric.values().length];

    private SendingCpuCost() {
        Arrays.fill(values, Double.NaN);
    }

    /** No figures when no sender measured a window or none sent a packet. */
    public static SendingCpuCost of(List<SenderWindow> windows) {
        SendingCpuCost cost = new SendingCpuCost();
        long packets = 0;
        long bytes = 0;
        long run = 0;
        long threadUser = 0;
        long threadSystem = 0;
        // Each sender read the fork's total over its own window; they overlap but for microseconds.
        long self = 0;
        long wall = 0;
        boolean pinned = true;
        long busy = 0;
        long softirq = 0;
        long steal = 0;
        long total = 0;
        for (int i = 0; i < windows.size(); i++) {
            SenderWindow w = windows.get(i);
            packets += w.packets();
            bytes += w.bytes();
            run += w.run().runNanos();
            threadUser += w.thread().userNanos();
            threadSystem += w.thread().systemNanos();
            self = Math.max(self, w.self().totalNanos());
            wall = Math.max(wall, w.wallNanos());
            pinned &= w.pinned();
            if (w.pinned() && firstOnItsCpu(windows, i)) {
                CpuTicks t = w.cpuTicks();
                busy += t.busy();
                softirq += t.softirq();
                steal += t.steal();
                total += t.total();
            }
        }
        if (packets <= 0) {
            return cost;
        }
        // Unpinned, no one CPU is the sender's: its own run time is all that is its.
        double cpuNanos = pinned ? CpuTicks.nanos(busy) : run;
        cost.put(CpuMetric.NS_PER_PACKET, cpuNanos / packets);
        cost.put(CpuMetric.SENDER_NS_PER_PACKET, (double) run / packets);
        cost.put(CpuMetric.OTHER_THREADS_NS_PER_PACKET, (double) Math.max(0, self - threadUser - threadSystem) / packets);
        if (wall > 0) {
            cost.put(CpuMetric.USER_PCT, 100.0 * threadUser / wall);
            cost.put(CpuMetric.SYS_PCT, 100.0 * threadSystem / wall);
        }
        if (bytes > 0) {
            cost.put(CpuMetric.NS_PER_MIB, cpuNanos / (bytes / MIB));
            cost.put(CpuMetric.S_PER_GIB, cpuNanos / 1e9 / (bytes / GIB));
        }
        if (pinned) {
            cost.put(CpuMetric.SOFTIRQ_NS_PER_PACKET, (double) CpuTicks.nanos(softirq) / packets);
            // NaN, no figure, when no tick passed.
            cost.put(CpuMetric.STEAL_PCT, CpuTicks.stealPercent(steal, total));
        }
        return cost;
    }

    /** Window {@code i} is the first on its CPU: a CPU two senders shared counts once. */
    private static boolean firstOnItsCpu(List<SenderWindow> windows, int i) {
        for (int j = 0; j < i; j++) {
            if (windows.get(j).cpu() == windows.get(i).cpu()) {
                return false;
            }
        }
        return true;
    }

    private void put(CpuMetric metric, double value) {
        values[metric.ordinal()] = value;
    }

    public boolean has(CpuMetric metric) {
        return !Double.isNaN(values[metric.ordinal()]);
    }

    /** The figure, or NaN when there is none. */
    public double get(CpuMetric metric) {
        return values[metric.ordinal()];
    }

    public boolean isEmpty() {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
