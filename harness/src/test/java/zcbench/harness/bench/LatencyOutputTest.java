package zcbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import zcbench.variants.NotificationLatency;

/** A raw JMH run (no run folder) prints each thread's percentiles, and says so when it timed nothing. */
class LatencyOutputTest {

    private static String printed(NotificationLatency latency) {
        assertNull(System.getProperty(LatencyOutput.DIR_PROPERTY), "a raw JMH run has no run folder");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LatencyOutput.write("row", 0, latency);
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void aThreadThatTimedNoSendSaysSoRatherThanZeroMicroseconds() {
        assertEquals("zcbench notification latency, thread 0: no send was timed", printed(new NotificationLatency(4)));
    }

    @Test
    void aThreadsTimedSendsGiveItsPercentiles() {
        NotificationLatency latency = new NotificationLatency(4);
        latency.recording(true);
        latency.sent(1, 1_000_000L);
        latency.notified(1, 1_250_000L);
        String line = printed(latency);
        // HdrHistogram keeps 3 significant digits: 250 us reads back as 250.0 to 250.2.
        assertTrue(line.matches("zcbench notification latency, thread 0: 1 sends, p50 250\\.[0-2] us, p99 250\\.[0-2]"
                + " us, max 250\\.[0-2] us"), line);
    }
}
