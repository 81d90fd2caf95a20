package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static zcbench.linux.net.NetConstants.SOL_SOCKET;
import static zcbench.linux.net.NetConstants.SO_SNDBUF;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import zcbench.variants.spi.SenderRegistry;
import zcbench.variants.spi.SocketSenderProvider;
import zcbench.vocabulary.Knobs;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.vocabulary.Variant;

/**
 * protocol=tcp: every variant sends stamped packets over a loopback TCP connection to the project's
 * {@code Receiver}, which cuts the stream into records and checks count, order and content, and that
 * nothing follows the last; short sends are forced with a slow reader and a small send buffer, counted
 * where the sender sees them, and the stream stays intact (docs/ARCHITECTURE.md, "The TCP loop").
 */
class TcpSendersLoopbackTest {
    private static final int BATCHES = 40;
    /** A send buffer smaller than a packet (the kernel doubles it), set once the sender is open. */
    private static final int SMALL_SNDBUF = 32 << 10;

    static Stream<SendConfig> configs() {
        Stream.Builder<SendConfig> b = Stream.builder();
        for (Variant v : Variant.all()) {
            for (int batch : new int[] {1, 8}) {
                for (boolean verify : new boolean[] {true, false}) {
                    SendConfig c = SendConfig.of(v, 65435, batch).with(Knobs.VERIFY, String.valueOf(verify)).with(Knobs.PROTOCOL, Protocol.TCP.id());
                    b.add(c);
                    if (v.has(Knobs.POLL)) {
                        b.add(c.with(Knobs.POLL, "false"));
                    }
                    if (v.has(Knobs.FLUSH)) {
                        b.add(c.with(Knobs.FLUSH, "true"));
                    }
                }
            }
            b.add(SendConfig.of(v, 4096, 8).with(Knobs.VERIFY, "true").with(Knobs.PROTOCOL, Protocol.TCP.id()).with(Knobs.IP, IpVersion.V6.id()));
            // Fewer buffers than the batch: a batch waits for a buffer mid-way, and the next chain starts after.
            b.add(SendConfig.of(v, 4096, 8).with(Knobs.VERIFY, "true").with(Knobs.PROTOCOL, Protocol.TCP.id()).withSlots(1));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void deliversEveryStampedRecordInOrder(SendConfig config) throws Exception {
        send(config, false);
    }

    static Stream<SendConfig> shortSends() {
        // Batch 2: a batch still links its requests, and the slow reader takes 80 packets, not 320. Only the
        // senders on zcbench's own socket: the send buffer is made small on that socket after the sender's open.
        return Variant.all().stream().filter(v -> SenderRegistry.of(v) instanceof SocketSenderProvider).map(v -> SendConfig.of(v, 65435, 2).with(Knobs.VERIFY, "true")
                .with(Knobs.PROTOCOL, Protocol.TCP.id()));
    }

    /**
     * A slow reader fills the send buffer: copy and msg_zerocopy see short sends, count them and send
     * the rest; io_uring sends with MSG_WAITALL, so the kernel sends the rest itself and none is seen.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shortSends")
    void shortSendsAreCountedAndTheStreamStaysIntact(SendConfig config) throws Exception {
        SendCounters counters = send(config, true);
        if (config.variant().ring()) {
            assertEquals(0, counters.shortSends, "the kernel sends a short send's rest itself (MSG_WAITALL)");
        } else {
            assertTrue(counters.shortSends > 0, "short sends counted: " + counters);
        }
    }

    private static SendCounters send(SendConfig config, boolean slow) throws Exception {
        Optional<String> unmet = Requirements.unmet(config, Requirements.THIS_MACHINE);
        unmet.ifPresent(needs -> System.err.println("SKIPPED " + config + ": " + needs));
        assumeTrue(unmet.isEmpty(), () -> unmet.orElseThrow());
        long total = (long) BATCHES * config.batch();
        SendCounters counters;
        try (LoopbackReceiver receiver = slow ? LoopbackReceiver.slowTcp(config.ip())
                : new LoopbackReceiver(config.ip(), Protocol.TCP)) {
            CompletableFuture<Long> received = receiver.expect(total, config.payload(), config.verify());
            if (slow) {
                InetSocket socket = receiver.connectedSender();
                try (Sender sender = SenderRegistry.openOn(config, socket)) {
                    // After the sender's own SO_SNDBUF (the selftest's 2 MiB), so that a packet outgrows the room.
                    socket.setOption(SOL_SOCKET, SO_SNDBUF, SMALL_SNDBUF);
                    counters = SendersLoopbackTest.sendAll(sender, BATCHES);
                }
            } else {
                try (Sender sender = SenderRegistry.open(config, receiver.endpoint())) {
                    counters = SendersLoopbackTest.sendAll(sender, BATCHES);
                }
            }
            assertEquals(total, LoopbackReceiver.await(received), "records received intact and in order");
        }
        assertEquals(total, counters.packets);
        assertEquals(total * config.payload(), counters.bytes);
        if (config.variant().zeroCopy()) {
            // msg_zerocopy: one kernel id per send that took bytes, so a short send adds one.
            long sends = config.variant().ring() ? total : total + counters.shortSends;
            assertEquals(sends, counters.notifications, "one notification per zero-copy send");
            assertEquals(sends, counters.copied, "sends reported as copied over loopback");
        } else {
            assertEquals(0, counters.notifications);
        }
        return counters;
    }
}
