package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Knobs;
import zcbench.linux.net.IpVersion;
import zcbench.vocabulary.Variant;

/**
 * Every variant, with every knob that means something for it, sends stamped packets over
 * loopback to a receiver that checks count, order and content.
 */
class SendersLoopbackTest {
    private static final int BATCHES = 40;

    static Stream<Arguments> configs() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Variant v : Variant.all()) {
            for (int payload : new int[] {4096, 65435}) {
                for (int batch : new int[] {1, 8}) {
                    for (boolean verify : new boolean[] {true, false}) {
                        SendConfig c = SendConfig.of(v, payload, batch).with(Knobs.VERIFY, String.valueOf(verify));
                        b.add(Arguments.of(c));
                        if (v.has(Knobs.FLUSH)) {
                            b.add(Arguments.of(c.with(Knobs.FLUSH, "true")));
                        }
                        if (v.has(Knobs.UBUF_CACHE)) {
                            b.add(Arguments.of(c.with(Knobs.UBUF_CACHE, "off")));
                        }
                        if (v.has(Knobs.POLL)) {
                            b.add(Arguments.of(c.with(Knobs.POLL, "false")));
                        }
                        if (v.ring()) {
                            b.add(Arguments.of(c.with(Knobs.SETUP, "defer")));
                        }
                        if (v.has(Knobs.FLUSH)) {
                            b.add(Arguments.of(c.with(Knobs.FLUSH, "true").with(Knobs.SETUP, "defer")));
                        }
                        if (v.zeroCopy()) {
                            b.add(Arguments.of(c.with(Knobs.LATENCY, "true")));
                            b.add(Arguments.of(c.with(Knobs.LATENCY, "true").with(Knobs.UBUF_CACHE, "off")));
                        }
                        if (v.has(Knobs.IOV)) {
                            // Registered pages go one skb fragment each: at 65435 bytes two entries fit.
                            boolean fewFragments = v.id().endsWith("_fixed") && payload > 4096;
                            b.add(Arguments.of(c.with(Knobs.IOV, String.valueOf(fewFragments ? 2 : 4))));
                            b.add(Arguments.of(c.with(Knobs.IOV, String.valueOf(fewFragments ? 2 : 16)).with(Knobs.FLUSH, "true")));
                            b.add(Arguments.of(c.with(Knobs.IOV, "2").with(Knobs.UBUF_CACHE, "off")));
                        }
                    }
                }
            }
            for (boolean verify : new boolean[] {true, false}) {
                SendConfig c = SendConfig.of(v, 65435, 8).with(Knobs.VERIFY, String.valueOf(verify));
                for (PayloadMemory m : PayloadMemory.values()) {
                    b.add(Arguments.of(c.with(Knobs.MEMORY, m.id())));
                }
                b.add(Arguments.of(c.with(Knobs.IP, IpVersion.V6.id())));
                b.add(Arguments.of(SendConfig.of(v, SendConfig.MAX_UDP6_PAYLOAD, 8).with(Knobs.VERIFY, String.valueOf(verify))
                        .with(Knobs.IP, IpVersion.V6.id()).with(Knobs.MEMORY, PayloadMemory.THP.id())));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void deliversEveryStampedPacketInOrder(SendConfig config) throws Exception {
        // memory=hugetlb needs pages reserved by the user; without them the row is skipped, as a run skips it.
        // Said on the console too: the build's summary counts skipped tests without their reasons.
        Optional<String> unmet = Requirements.unmet(config, Requirements.THIS_MACHINE);
        unmet.ifPresent(needs -> System.err.println("SKIPPED " + config + ": " + needs));
        assumeTrue(unmet.isEmpty(), () -> unmet.orElseThrow());
        long total = (long) BATCHES * config.batch();
        try (LoopbackReceiver receiver = new LoopbackReceiver(config.ip())) {
            CompletableFuture<Long> received = receiver.expect(total, config.payload(), config.verify());
            SendCounters counters;
            long timed;
            try (Sender sender = SenderRegistry.open(config, receiver.endpoint())) {
                assertEquals(config.latency(), sender.latency().isPresent(), "a latency histogram with latency=true");
                sender.latency().ifPresent(l -> l.recording(true));
                counters = sendAll(sender, BATCHES);
                timed = sender.latency().map(l -> l.histogram().getTotalCount()).orElse(0L);
            }
            if (config.latency()) {
                // Loopback copies, so every notification comes at once; each send has its one time.
                assertEquals(total, timed, "one notification time per zero-copy send");
            }
            assertEquals(total, LoopbackReceiver.await(received), "packets received intact and in order");
            assertEquals(total, counters.packets);
            assertEquals(total * config.payload(), counters.bytes);
            if (config.variant().zeroCopy()) {
                assertEquals(total, counters.notifications, "one notification per zero-copy send");
                // Loopback delivery copies every zero-copy send: the kernel must say so.
                assertEquals(total, counters.copied, "sends reported as copied over loopback");
            } else {
                assertEquals(0, counters.notifications);
                assertEquals(0, counters.copied);
            }
            if (config.variant().ring()) {
                assertEquals(true, counters.enters >= BATCHES, "at least one io_uring_enter per batch");
            } else {
                assertEquals(0, counters.enters);
            }
        }
    }

    /** Sends {@code batches} batches and drains: what the sender counted once the kernel owes nothing. */
    static SendCounters sendAll(Sender sender, int batches) {
        for (int i = 0; i < batches; i++) {
            sender.sendBatch();
        }
        sender.drain();
        return sender.counters().snapshot();
    }

    /** With verify and fewer buffers than the batch, a batch waits for buffers mid-way and still ends. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fewerBuffersThanBatch")
    void fewerBuffersThanBatchFinishes(SendConfig config) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> deliversEveryStampedPacketInOrder(config));
    }

    static Stream<SendConfig> fewerBuffersThanBatch() {
        return Variant.all().stream().flatMap(v -> {
            SendConfig c = SendConfig.of(v, 4096, 8).with(Knobs.VERIFY, "true").withSlots(1);
            return v.has(Knobs.FLUSH) ? Stream.of(c, c.with(Knobs.FLUSH, "true")) : Stream.of(c);
        });
    }
}
