package zcbench.harness.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import zcbench.vocabulary.Knobs;
import zcbench.variants.SendConfig;
import zcbench.variants.SendCounters;
import zcbench.variants.Sender;
import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Variant;

/**
 * Each variant runs the loop of the C tool it maps onto, counted in syscalls: the selftest's
 * sendmsg + poll(POLLOUT) per packet (one syscall without poll) with the error queue read every
 * 32 sends, and send-zerocopy.c's one io_uring_enter per batch. Every packet reaches the sink.
 */
class SendLoopsOnSinkTest {
    private static final int BATCHES = 200;

    @BeforeAll
    static void needsSink() {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
    }

    @ParameterizedTest(name = "{0} batch={1} poll={2} verify={3} iov={4}")
    @CsvSource({
        "copy, 1, true, false, 1", "copy, 8, false, false, 1", "copy, 8, true, true, 1",
        "msg_zerocopy, 1, true, false, 1", "msg_zerocopy, 8, false, false, 1", "msg_zerocopy, 8, true, true, 1",
        "uring_send, 1, true, false, 1", "uring_send, 8, true, false, 1",
        "uring_zc, 8, true, false, 1", "uring_zc_fixed, 1, true, false, 1", "uring_zc_fixed, 8, true, false, 1",
        "uring_zc_fixed, 8, true, true, 1",
        "uring_zc, 1, true, false, 4", "uring_zc, 8, true, true, 16",
        "uring_sendmsg_zc, 1, true, false, 1", "uring_sendmsg_zc, 8, true, false, 4",
        "uring_sendmsg_zc, 8, true, true, 2",
        "uring_sendmsg_zc_fixed, 1, true, false, 1", "uring_sendmsg_zc_fixed, 8, true, false, 2",
        "uring_sendmsg_zc_fixed, 8, true, true, 2"})
    void loopMatchesItsCTool(String variant, int batch, boolean poll, boolean verify, int iov) {
        SendConfig config = SendConfig.of(Variant.of(variant), 65435, batch).with(Knobs.POLL, String.valueOf(poll)).with(Knobs.VERIFY, String.valueOf(verify))
                .with(Knobs.IOV, String.valueOf(iov));
        SendCounters before;
        SendCounters after;
        long delivered;
        try (SinkNetwork sink = SinkNetwork.create();
             Sender sender = SenderRegistry.openOn(config, sink.openConnectedUdp())) {
            // The first batches link the downcalls; count from a steady state on.
            for (int i = 0; i < 4; i++) {
                sender.sendBatch();
            }
            before = sender.counters().snapshot();
            long deliveredBefore = sink.deliveredPackets();
            for (int i = 0; i < BATCHES; i++) {
                sender.sendBatch();
            }
            after = sender.counters().snapshot();
            delivered = sink.deliveredPackets() - deliveredBefore;
        }
        long packets = after.packets - before.packets;
        assertEquals((long) BATCHES * batch, packets);
        assertEquals(packets, delivered, "packets the ifb sink counted");
        double syscalls = (double) (after.syscalls - before.syscalls) / packets;
        long enters = after.enters - before.enters;
        Variant v = config.variant();
        if (v.ring()) {
            assertEquals(0, after.syscalls - before.syscalls);
            // send-zerocopy.c: one io_uring_enter per batch; the results are ready when it returns.
            assertTrue(enters >= BATCHES && enters <= BATCHES + BATCHES / 100,
                    "io_uring_enter per batch: " + enters + " for " + BATCHES + " batches");
        } else if (v == Variant.of("copy")) {
            assertEquals(0, enters);
            assertEquals(poll ? 2.0 : 1.0, syscalls, 1e-9, "syscalls per packet");
        } else {
            assertEquals(0, enters);
            // The error queue read every 32 sends: at least one range and the EAGAIN that ends it.
            double base = poll ? 2.0 : 1.0;
            assertTrue(syscalls >= base + 1.0 / 32 && syscalls <= base + 4.0 / 32,
                    "syscalls per packet " + syscalls + ", expected " + base + " plus error-queue reads every 32 sends");
        }
        if (v.zeroCopy()) {
            long notified = after.notifications - before.notifications;
            // Notifications are read lazily: those of the last read interval may still be unread.
            assertTrue(notified <= packets + config.maxInFlight() && notified >= packets - config.maxInFlight(),
                    notified + " notifications for " + packets + " sends");
            assertEquals(0, after.copied - before.copied, "sends the kernel copied on the sink");
        }
    }
}
