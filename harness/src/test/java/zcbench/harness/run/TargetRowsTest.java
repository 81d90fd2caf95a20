package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

import zcbench.harness.targets.ForwardNetwork;
import zcbench.harness.targets.SinkNetwork;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.Row;

/**
 * A verify=true msg_zerocopy row measured on the forward and peer targets, as a run measures it: what
 * reached the target is counted (the ifb sink behind the router, the peer's receiver), and the copied
 * column says what the kernel did: nothing copied when forwarding (Linux 6.17+), everything at local delivery.
 */
class TargetRowsTest {

    @ParameterizedTest
    @ValueSource(strings = {"forward", "peer"})
    void aVerifiedRowIsMeasuredAndCounted(String target, @TempDir Path tmp) throws Exception {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        OneRow measured = OneRow.run(tmp, Row.of(Map.of("variant", "msg_zerocopy", "payload", "4096", "verify", "true")),
                target, 2);
        String printed = measured.printed();
        assertEquals(List.of(), measured.outcome().failures(), printed);
        RunResult run = measured.outcome().results().getFirst();
        double packets = score(run, Counter.PACKETS);
        double delivered = score(run, Counter.DELIVERED);
        double notifications = score(run, Counter.NOTIFICATIONS);
        double copied = score(run, Counter.COPIED);
        assertTrue(packets > 0 && notifications > 0, printed);
        assertTrue(delivered > 0 && delivered <= packets * 1.001, "delivered " + delivered + " of " + packets);
        if (target.equals("peer")) {
            assertEquals(notifications, copied, notifications * 1e-9, "local delivery copies every send");
            // A bad stamp or a packet out of order at the receiver would have failed the row (PeerNetwork.close).
        } else {
            assertTrue(delivered > 0.9 * packets, "delivered " + delivered + " of " + packets);
            assertEquals(ForwardNetwork.keepsZeroCopy() ? 0 : notifications, copied, notifications * 1e-9, "sends reported as copied");
        }
        assertTrue(printed.contains("msg_zerocopy-4096-b8-ubuf_cache=on-verify=true-" + target), printed);
    }

    /**
     * protocol=tcp to the peer: the stream reaches the receiver, which cuts it into records and checks each
     * stamp (a bad one fails the row), and local delivery copies every zero-copy send.
     */
    @ParameterizedTest
    @ValueSource(strings = {"msg_zerocopy", "uring_send", "uring_zc"})
    void aTcpStreamToThePeerIsMeasuredAndCounted(String variant, @TempDir Path tmp) throws Exception {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        OneRow measured = OneRow.run(tmp, Row.of(Map.of("variant", variant, "payload", "4096", "verify", "true",
                "protocol", "tcp")), "peer", 2);
        String printed = measured.printed();
        assertEquals(List.of(), measured.outcome().failures(), printed);
        RunResult run = measured.outcome().results().getFirst();
        double packets = score(run, Counter.PACKETS);
        double delivered = score(run, Counter.DELIVERED);
        assertTrue(packets > 0, printed);
        assertTrue(delivered > 0.9 * packets && delivered <= packets * 1.1, "delivered " + delivered + " of " + packets);
        // Each iteration's end waits for the records it sent (PeerNetwork.deliveredOnceArrived): all of them.
        assertEquals(packets, delivered, packets * 1e-9, "delivered " + delivered + " of " + packets);
        double notifications = score(run, Counter.NOTIFICATIONS);
        if (!variant.equals("uring_send")) {
            assertTrue(notifications > 0, printed);
            assertEquals(notifications, score(run, Counter.COPIED), notifications * 1e-9,
                    "local delivery copies every send");
        }
        assertTrue(printed.contains("protocol=tcp-peer"), printed);
    }

    /**
     * Delivered is attributed to the iteration that sent it: what a receiver is still reading when an iteration
     * ends is waited for, not counted in the next one. So never above the packets sent, and for TCP, which loses
     * nothing, exactly them; a warm-up whose packets would spill into the first measured iteration shows it.
     */
    @ParameterizedTest
    @CsvSource({"udp, copy", "udp, uring_zc", "tcp, copy", "tcp, uring_zc"})
    void deliveredCountsWhatItsIterationSent(String protocol, String variant, @TempDir Path tmp) throws Exception {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        OneRow measured = OneRow.run(tmp, Row.of(Map.of("variant", variant, "protocol", protocol)), "peer", 1, 3);
        String printed = measured.printed();
        assertEquals(List.of(), measured.outcome().failures(), printed);
        RunResult run = measured.outcome().results().getFirst();
        List<IterationResult> iterations = run.getBenchmarkResults().stream()
                .flatMap(b -> b.getIterationResults().stream()).toList();
        assertEquals(3, iterations.size(), printed);
        // Each measured iteration on its own: over all of them, one spilling into the next would even out.
        for (IterationResult i : iterations) {
            double packets = i.getSecondaryResults().get(Counter.PACKETS.id()).getScore();
            double delivered = i.getSecondaryResults().get(Counter.DELIVERED.id()).getScore();
            assertTrue(packets > 0 && delivered > 0, printed);
            String says = "delivered " + delivered + " of " + packets + " per second: " + printed;
            if (protocol.equals("tcp")) {
                assertEquals(packets, delivered, packets * 1e-9, "TCP delivers every record it accepted; " + says);
            } else {
                assertTrue(delivered <= packets * (1 + 1e-9), says);
            }
        }
    }

    private static double score(RunResult run, Counter c) {
        return run.getSecondaryResults().get(c.id()).getScore();
    }
}
