package zcbench.vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * What the CPU-cost profiler adds to every row as secondary results: CPU time (user + system, every thread of
 * the fork, getrusage) per packet and per MiB sent, and the user and system shares of the iteration's time.
 */
public enum CpuMetric {
    NS_PER_PACKET("cpu_ns_per_packet", "ns/packet"),
    NS_PER_MIB("cpu_ns_per_mib", "ns/MiB"),
    USER_PCT("cpu_user_pct", "%"),
    SYS_PCT("cpu_sys_pct", "%");

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

    /** Every metric's id, in declaration order (speedup.csv's). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(CpuMetric::id).toList();
    }
}
