package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.results.RunResult;

import zcbench.harness.plan.Row;
import zcbench.harness.targets.ForwardNetwork;
import zcbench.harness.targets.SinkNetwork;
import zcbench.vocabulary.Counter;

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
        OneRow measured = OneRow.run(tmp, new Row(Map.of("variant", "msg_zerocopy", "payload", "4096", "verify", "true")),
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
        OneRow measured = OneRow.run(tmp, new Row(Map.of("variant", variant, "payload", "4096", "verify", "true",
                "protocol", "tcp")), "peer", 2);
        String printed = measured.printed();
        assertEquals(List.of(), measured.outcome().failures(), printed);
        RunResult run = measured.outcome().results().getFirst();
        double packets = score(run, Counter.PACKETS);
        double delivered = score(run, Counter.DELIVERED);
        assertTrue(packets > 0, printed);
        // Per iteration, the records still in flight at its end are counted in the next one.
        assertTrue(delivered > 0.9 * packets && delivered <= packets * 1.1, "delivered " + delivered + " of " + packets);
        double notifications = score(run, Counter.NOTIFICATIONS);
        if (!variant.equals("uring_send")) {
            assertTrue(notifications > 0, printed);
            assertEquals(notifications, score(run, Counter.COPIED), notifications * 1e-9,
                    "local delivery copies every send");
        }
        assertTrue(printed.contains("protocol=tcp-peer"), printed);
    }

    private static double score(RunResult run, Counter c) {
        return run.getSecondaryResults().get(c.id()).getScore();
    }
}
