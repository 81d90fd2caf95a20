package zcbench.vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * What the CPU-cost profiler adds to every row as secondary results: the sending CPU's time per
 * packet, the sender thread's own, the softirq share, the fork's other threads, the service demand
 * and the steal (docs/COLUMNS.md says what each counts and cannot see).
 */
public enum CpuMetric {
    NS_PER_PACKET("cpu_ns_per_packet", "ns/packet"),
    NS_PER_MIB("cpu_ns_per_mib", "ns/MiB"),
    USER_PCT("cpu_user_pct", "%"),
    SYS_PCT("cpu_sys_pct", "%"),
    SENDER_NS_PER_PACKET("sender_ns_per_packet", "ns/packet"),
    SOFTIRQ_NS_PER_PACKET("softirq_ns_per_packet", "ns/packet"),
    OTHER_THREADS_NS_PER_PACKET("other_threads_ns_per_packet", "ns/packet"),
    S_PER_GIB("cpu_s_per_gib", "s/GiB"),
    STEAL_PCT("steal_pct", "%");

    /** The metrics speedup.csv had before the sending CPU was measured apart: their columns stay where they were. */
    public static final List<CpuMetric> FIRST = List.of(NS_PER_PACKET, NS_PER_MIB, USER_PCT, SYS_PCT);
    /** A row whose sending CPU lost more than this share of its time to steal is marked: a neighbour took it. */
    public static final double STOLEN_PCT = 2.0;

    private final String id;
    private final String unit;

    CpuMetric(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    /** JMH's secondary result of this name, and its column in speedup.csv. */
    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    /** Every metric's id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(CpuMetric::id).toList();
    }

    /** The ids of {@link #FIRST}, then of the others: the two places of their columns in speedup.csv. */
    public static List<String> ids(boolean first) {
        return Arrays.stream(values()).filter(m -> FIRST.contains(m) == first).map(CpuMetric::id).toList();
    }
}
