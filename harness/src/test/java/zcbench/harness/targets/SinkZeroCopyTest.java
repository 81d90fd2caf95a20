package zcbench.harness.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import zcbench.vocabulary.Knobs;
import zcbench.linux.net.IpVersion;
import zcbench.variants.SendConfig;
import zcbench.variants.SendCounters;
import zcbench.variants.Sender;
import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Variant;

/**
 * Zero-copy really happens on the sink and not on loopback, and the kernel says so: REPORT_USAGE
 * for io_uring, SO_EE_CODE_ZEROCOPY_COPIED for MSG_ZEROCOPY. Every send gets one notification.
 */
class SinkZeroCopyTest {

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({
        "uring_zc, sink, false", "uring_zc_fixed, sink, false", "msg_zerocopy, sink, false",
        "uring_zc, loopback, true", "uring_zc_fixed, loopback, true", "msg_zerocopy, loopback, true"})
    void kernelReportsWhetherItCopied(String variant, String target, boolean copiedExpected) {
        if (target.equals("sink")) {
            assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        }
        SendConfig config = SendConfig.of(Variant.of(variant), 65435, 8);
        SendCounters c;
        try (Destination destination = Destination.open(target);
             Sender sender = SenderRegistry.openOn(config, destination.openConnectedUdp())) {
            long droppedBefore = destination instanceof SinkNetwork s ? s.deliveredPackets() : 0;
            for (int i = 0; i < 100; i++) {
                sender.sendBatch();
            }
            sender.drain();
            c = sender.counters().snapshot();
            if (destination instanceof SinkNetwork s) {
                assertTrue(s.deliveredPackets() - droppedBefore >= 800, "the packets reached the ifb sink");
            }
        }
        assertEquals(800, c.packets);
        assertEquals(800, c.notifications, "exactly one notification per zero-copy send");
        assertEquals(copiedExpected ? 800 : 0, c.copied, "sends the kernel reported as copied");
    }

    /** IPv6 on the sink: every packet reaches the ifb device, sent without a copy, one notification each. */
    @ParameterizedTest(name = "{0} over IPv6")
    @CsvSource({"copy", "msg_zerocopy", "uring_send", "uring_zc", "uring_zc_fixed"})
    void ipv6ReachesTheSinkWithoutACopy(String variant) {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        SendConfig config = SendConfig.of(Variant.of(variant), SendConfig.MAX_UDP6_PAYLOAD, 8).with(Knobs.VERIFY, "true")
                .with(Knobs.IP, IpVersion.V6.id());
        SendCounters c;
        long delivered;
        try (SinkNetwork sink = SinkNetwork.create();
             Sender sender = SenderRegistry.openOn(config, sink.openConnectedUdp(config.ip()))) {
            long before = sink.deliveredPackets();
            for (int i = 0; i < 100; i++) {
                sender.sendBatch();
            }
            sender.drain();
            c = sender.counters().snapshot();
            delivered = sink.deliveredPackets() - before;
        }
        assertEquals(800, c.packets);
        assertTrue(delivered >= 800 && delivered < 810, "packets the ifb sink counted: " + delivered);
        assertEquals(config.variant().zeroCopy() ? 800 : 0, c.notifications, "one notification per zero-copy send");
        assertEquals(0, c.copied, "sends the kernel reported as copied on the sink");
    }
}
