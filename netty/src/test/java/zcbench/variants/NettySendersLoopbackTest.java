package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import zcbench.linux.ProcessResources;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * The netty rows send stamped packets over loopback, as every variant does (SendersLoopbackTest,
 * TcpSendersLoopbackTest): datagrams and a TCP stream, the receiver checks count, order and content.
 */
class NettySendersLoopbackTest {
    private static final int BATCHES = 40;
    private static final String[] IDS = {"netty_epoll", "netty_uring"};

    static Stream<SendConfig> udp() {
        Stream.Builder<SendConfig> b = Stream.builder();
        for (String id : IDS) {
            Variant v = Variant.of(id);
            for (int payload : new int[] {4096, 65435}) {
                for (int batch : new int[] {1, 8}) {
                    for (boolean verify : new boolean[] {true, false}) {
                        b.add(SendConfig.of(v, payload, batch).with(Knobs.VERIFY, String.valueOf(verify)));
                    }
                }
            }
            b.add(SendConfig.of(v, 65435, 8).with(Knobs.VERIFY, "true").with(Knobs.IP, IpVersion.V6.id()));
            b.add(SendConfig.of(v, 65435, 8).with(Knobs.VERIFY, "true").with(Knobs.MEMORY, PayloadMemory.THP.id()));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("udp")
    void deliversEveryStampedDatagramInOrder(SendConfig config) throws Exception {
        long total = (long) BATCHES * config.batch();
        SendCounters counters;
        try (LoopbackReceiver receiver = new LoopbackReceiver(config.ip())) {
            CompletableFuture<Long> received = receiver.expect(total, config.payload(), config.verify());
            try (Sender sender = SenderRegistry.open(config, receiver.endpoint())) {
                counters = SendersLoopbackTest.sendAll(sender, BATCHES);
            }
            assertEquals(total, LoopbackReceiver.await(received), "packets received intact and in order");
        }
        assertCounted(config, total, counters);
    }

    static Stream<SendConfig> tcp() {
        Stream.Builder<SendConfig> b = Stream.builder();
        for (String id : IDS) {
            Variant v = Variant.of(id);
            for (int batch : new int[] {1, 8}) {
                for (boolean verify : new boolean[] {true, false}) {
                    SendConfig c = SendConfig.of(v, 65435, batch).with(Knobs.VERIFY, String.valueOf(verify))
                            .with(Knobs.PROTOCOL, Protocol.TCP.id());
                    b.add(c);
                    if (v.has(Knobs.ZC_THRESHOLD)) {
                        // 0: every write zero-copy; 16384: the 65435-byte packets are, a smaller one would not be. With
                        // verify and batch 8 these fail if a buffer is reused when its write's future completes: netty
                        // completes it before the kernel's notification, and the receiver sees a later stamp.
                        b.add(c.with(Knobs.ZC_THRESHOLD, "0"));
                        b.add(c.with(Knobs.ZC_THRESHOLD, "16384"));
                    }
                }
            }
            b.add(SendConfig.of(v, 4096, 8).with(Knobs.VERIFY, "true").with(Knobs.PROTOCOL, Protocol.TCP.id())
                    .with(Knobs.IP, IpVersion.V6.id()));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tcp")
    void deliversEveryStampedRecordInOrder(SendConfig config) throws Exception {
        long total = (long) BATCHES * config.batch();
        SendCounters counters;
        try (LoopbackReceiver receiver = new LoopbackReceiver(config.ip(), Protocol.TCP)) {
            CompletableFuture<Long> received = receiver.expect(total, config.payload(), config.verify());
            try (Sender sender = SenderRegistry.open(config, receiver.endpoint())) {
                counters = SendersLoopbackTest.sendAll(sender, BATCHES);
            }
            assertEquals(total, LoopbackReceiver.await(received), "records received intact and in order");
        }
        assertCounted(config, total, counters);
    }

    private static void assertCounted(SendConfig config, long total, SendCounters counters) {
        assertEquals(total, counters.packets);
        assertEquals(total * config.payload(), counters.bytes);
        // netty tells nothing of notifications or copies: the counters stay at 0, and the tables say unknown.
        assertEquals(0, counters.notifications);
        assertEquals(0, counters.copied);
        assertEquals(0, counters.enters);
    }

    /** The event loop's thread sends, not the caller: what the benchmark pins and measures instead. */
    @Test
    void theEventLoopThreadSends() throws Exception {
        for (String id : IDS) {
            SendConfig config = SendConfig.of(Variant.of(id), 4096, 8);
            try (LoopbackReceiver receiver = new LoopbackReceiver();
                 Sender sender = SenderRegistry.open(config, receiver.endpoint())) {
                assertFalse(sender.sendsOnCallingThread(), id);
                AtomicReference<Thread> ran = new AtomicReference<>();
                sender.onSendingThread(() -> ran.set(Thread.currentThread()));
                assertNotEquals(Thread.currentThread(), ran.get(), id);
                assertEquals("zcbench-" + id, ran.get().getName().replaceAll("-\\d+-\\d+$", ""), id);
            }
        }
    }

    @Test
    void knobsTheNettyRowsLackAreRefusedWithTheReason() {
        assertEquals("zc_threshold=4096 means nothing for netty_epoll: only netty_uring sends TCP zero-copy above a"
                + " threshold", assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of("netty_epoll"),
                        65435, 8).with(Knobs.PROTOCOL, "tcp").with(Knobs.ZC_THRESHOLD, "4096")).getMessage());
        assertEquals("zc_threshold=4096 means nothing for netty_uring over UDP: netty's io_uring transport sends"
                + " datagrams without zero-copy; only its TCP writes use IO_URING_WRITE_ZERO_COPY_THRESHOLD",
                assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of("netty_uring"), 65435, 8)
                        .with(Knobs.ZC_THRESHOLD, "4096")).getMessage());
        for (String id : IDS) {
            assertEquals("poll=false means nothing for " + id + ": only copy and msg_zerocopy send with syscalls that"
                    + " poll could follow", assertThrows(IllegalArgumentException.class,
                            () -> SendConfig.of(Variant.of(id), 65435, 8).with(Knobs.POLL, "false")).getMessage());
            assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of(id), 65435, 8)
                    .with(Knobs.FLUSH, "true"), id);
        }
        assertEquals("zc_threshold must be one of off|0..65507, not 'some'", assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Variant.of("netty_uring"), 65435, 8).with(Knobs.PROTOCOL, "tcp")
                        .with(Knobs.ZC_THRESHOLD, "some")).getMessage());
    }

    /** Closing a netty sender stops its event loop and closes its channel: the process holds what it held. */
    @Test
    void closingReleasesDescriptors() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            for (String id : IDS) {
                open(id, receiver);
            }
            ProcessResources before = ProcessResources.now();
            for (int round = 0; round < 3; round++) {
                for (String id : IDS) {
                    open(id, receiver);
                }
            }
            assertEquals(before.fds(), ProcessResources.now().fds(), "open descriptors");
        }
        assertTrue(Variant.all().stream().map(Variant::id).toList().containsAll(List.of(IDS)));
    }

    private static void open(String id, LoopbackReceiver receiver) {
        try (Sender s = SenderRegistry.open(SendConfig.of(Variant.of(id), 65435, 8), receiver.endpoint())) {
            s.sendBatch();
        }
    }
}
