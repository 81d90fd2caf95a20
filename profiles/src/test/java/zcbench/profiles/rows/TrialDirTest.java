package zcbench.profiles.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrialDirTest {
    /** The id JMH gave uring_zc_fixed at batch 1 on the sink: 256 characters, one more than a file name may have. */
    private static final String LONG_ID = "zcbench.harness.bench.SendBenchmark.send-Throughput-batch-1-cpu-last-flush-false"
            + "-iov-1-ip-4-latency-false-memory-normal-payload-65435-poll-true-protocol-udp-setup-coop-target-sink"
            + "-threads-1-ubuf_cache-on-variant-uring_zc_fixed-verify-false-zc_threshold-off";

    @Test
    void aTrialsFolderNameIsShortSafeAndTheSameForTheSameId() {
        assertEquals(256, LONG_ID.length());
        String name = TrialDir.of(LONG_ID);
        assertTrue(name.matches("trial-[0-9a-f]{16}"), name);
        assertEquals(name, TrialDir.of(LONG_ID), "the fork and the collecting process agree");
        assertNotEquals(name, TrialDir.of(LONG_ID.replace("batch-1", "batch-8")));
    }
}
