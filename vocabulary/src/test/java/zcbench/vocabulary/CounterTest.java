package zcbench.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class CounterTest {
    @Test
    void countersAndCpuMetricsHaveOneIdEach() {
        assertEquals(List.of("packets", "bytes", "notifications", "copied", "retries", "enters", "syscalls",
                "short_sends", "delivered"), Counter.ids());
        assertEquals(List.of(Counter.DELIVERED), Arrays.stream(Counter.values()).filter(c -> !c.bySender()).toList());
        assertEquals(List.of("cpu_ns_per_packet", "cpu_ns_per_mib", "cpu_user_pct", "cpu_sys_pct"), CpuMetric.ids(true));
        assertEquals(List.of("sender_ns_per_packet", "softirq_ns_per_packet", "other_threads_ns_per_packet",
                "cpu_s_per_gib", "steal_pct"), CpuMetric.ids(false));
        assertEquals(CpuMetric.values().length, new HashSet<>(CpuMetric.ids()).size());
    }
}
