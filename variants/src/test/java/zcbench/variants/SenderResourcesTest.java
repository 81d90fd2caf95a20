package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Knobs;
import zcbench.linux.ProcessResources;
import zcbench.linux.net.IpVersion;
import zcbench.vocabulary.Variant;

class SenderResourcesTest {

    /** After closing senders (rings, sockets, registered buffers) the process holds what it held before. */
    @Test
    void closingSendersReleasesDescriptorsAndMappings() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            warmUp(receiver);
            ProcessResources before = ProcessResources.now();
            long uringBefore = ProcessResources.ioUringMappings();
            for (int round = 0; round < 5; round++) {
                for (Variant v : Variant.all()) {
                    try (Sender s = SenderRegistry.open(SendConfig.of(v, 65435, 8), receiver.endpoint())) {
                        s.sendBatch();
                    }
                }
            }
            ProcessResources after = ProcessResources.now();
            assertEquals(before.fds(), after.fds(), "open descriptors");
            assertEquals(before.mappings(), after.mappings(), "memory mappings");
            assertEquals(uringBefore, ProcessResources.ioUringMappings(), "io_uring mappings");
        }
    }

    /** The first use of each class may map JDK code; take that out of the count. */
    private static void warmUp(LoopbackReceiver receiver) {
        for (Variant v : Variant.all()) {
            try (Sender s = SenderRegistry.open(SendConfig.of(v, 65435, 8), receiver.endpoint())) {
                s.sendBatch();
            }
        }
    }

    @Test
    void meaninglessKnobsAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Variant.of("copy"), 65435, 8).with(Knobs.FLUSH, "true"));
        assertEquals("flush=true means nothing for copy: only uring_zc, uring_zc_fixed, uring_sendmsg_zc and"
                + " uring_sendmsg_zc_fixed have a notification reaping policy", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of("uring_send"), 65435, 8).with(Knobs.UBUF_CACHE, "off"));
        assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of("copy"), 70000, 8));
        // java.nio's blocking channel has no poll of its own and no notifications: refused the same way.
        assertEquals("poll=false means nothing for nio: only copy and msg_zerocopy send with syscalls that poll could"
                + " follow", assertThrows(IllegalArgumentException.class,
                        () -> SendConfig.of(Variant.of("nio"), 65435, 8).with(Knobs.POLL, "false")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of("nio"), 65435, 8)
                .with(Knobs.LATENCY, "true"));
        assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of("nio"), 65435, 8)
                .with(Knobs.ZC_THRESHOLD, "4096"));
    }

    /** The payload limit follows the protocol: 65507 over IPv4, 65487 over IPv6 on a 65535-byte MTU. */
    @Test
    void payloadsLargerThanTheProtocolCarriesAreRefused() {
        IllegalArgumentException v4 = assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Variant.of("copy"), 65508, 8));
        assertEquals("payload 65508 is out of range 16..65507 bytes (UDP over IPv4, with room for the stamp)",
                v4.getMessage());
        SendConfig largest = SendConfig.of(Variant.of("copy"), 65487, 8).with(Knobs.IP, IpVersion.V6.id());
        assertEquals(65487, largest.payload());
        IllegalArgumentException v6 = assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Variant.of("copy"), 65488, 8).with(Knobs.IP, IpVersion.V6.id()));
        assertEquals("payload 65488 is out of range 16..65487 bytes (UDP over IPv6, with room for the stamp)",
                v6.getMessage());
    }

    /** Opens and closes per configuration: a mapping kept per sender would show as this many more. */
    private static final int ROUNDS = 4;

    /** Senders over huge pages and IPv6 give back every descriptor and mapping too. */
    @Test
    void closingSendersOverHugePagesAndIpv6ReleasesEverything() throws Exception {
        for (IpVersion ip : IpVersion.values()) {
            try (LoopbackReceiver receiver = new LoopbackReceiver(ip)) {
                for (PayloadMemory m : PayloadMemory.values()) {
                    for (Variant v : Variant.all()) {
                        SendConfig config = SendConfig.of(v, 65435, 8).with(Knobs.VERIFY, "true").with(Knobs.MEMORY, m.id()).with(Knobs.IP, ip.id());
                        if (Requirements.unmet(config, Requirements.THIS_MACHINE).isPresent()) {
                            continue;
                        }
                        open(config, receiver);
                        ProcessResources before = ProcessResources.now();
                        long uringBefore = ProcessResources.ioUringMappings();
                        for (int round = 0; round < ROUNDS; round++) {
                            open(config, receiver);
                        }
                        ProcessResources after = ProcessResources.now();
                        assertEquals(before.fds(), after.fds(), "open descriptors, " + config);
                        assertEquals(uringBefore, ProcessResources.ioUringMappings(), "io_uring mappings, " + config);
                        // malloc maps and trims its own regions meanwhile (a mapping more or less); a sender
                        // that kept one would add one per round.
                        assertTrue(after.mappings() - before.mappings() < ROUNDS, "memory mappings grew from "
                                + before.mappings() + " to " + after.mappings() + " in " + ROUNDS + " rounds, " + config);
                    }
                }
            }
        }
    }

    private static void open(SendConfig config, LoopbackReceiver receiver) {
        try (Sender s = SenderRegistry.open(config, receiver.endpoint())) {
            s.sendBatch();
        }
    }

    @Test
    void iovIsRefusedWhereNoIovecArrayIsSentWithTheReason() {
        assertEquals("iov=2 means nothing for copy: only uring_zc, uring_sendmsg_zc and uring_sendmsg_zc_fixed send"
                + " an iovec array", assertThrows(IllegalArgumentException.class,
                        () -> SendConfig.of(Variant.of("copy"), 65435, 8).with(Knobs.IOV, "2")).getMessage());
        for (Variant v : new Variant[] {Variant.of("msg_zerocopy"), Variant.of("uring_send")}) {
            assertThrows(IllegalArgumentException.class, () -> SendConfig.of(v, 65435, 8).with(Knobs.IOV, "4"), v.id());
        }
        assertEquals("iov=8 is refused for uring_zc_fixed: the kernel refuses IORING_SEND_VECTORIZED with"
                + " IORING_RECVSEND_FIXED_BUF on SEND_ZC (EINVAL); uring_sendmsg_zc_fixed sends an iovec array from"
                + " registered buffers", assertThrows(IllegalArgumentException.class,
                        () -> SendConfig.of(Variant.of("uring_zc_fixed"), 65435, 8).with(Knobs.IOV, "8")).getMessage());
        assertEquals("iov must be one of 1|2|4|8|16, not 3", assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Variant.of("uring_sendmsg_zc"), 65435, 8).with(Knobs.IOV, "3")).getMessage());
        assertEquals("iov must be one of 1|2|4|8|16, not 'many'", assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Map.of("variant", "uring_sendmsg_zc", "iov", "many")::get)).getMessage());
        assertEquals(16, SendConfig.of(Map.of("variant", "uring_zc", "iov", "16")::get).iov());
        assertEquals("iov=4 at payload 65435 is refused for uring_sendmsg_zc_fixed: its entries span 19 pages, and the"
                + " kernel sends a registered buffer as one fragment per page, at most 17 (MAX_SKB_FRAGS) per packet"
                + " (EMSGSIZE)", assertThrows(IllegalArgumentException.class,
                        () -> SendConfig.of(Variant.of("uring_sendmsg_zc_fixed"), 65435, 8).with(Knobs.IOV, "4")).getMessage());
        assertEquals(2, SendConfig.of(Variant.of("uring_sendmsg_zc_fixed"), 65435, 8).with(Knobs.IOV, "2").iov(), "17 pages fit");
        assertEquals(16, SendConfig.of(Variant.of("uring_sendmsg_zc_fixed"), 32768, 8).with(Knobs.IOV, "16").iov(),
                "page-aligned entries add no page");
        assertEquals(4, SendConfig.of(Variant.of("uring_sendmsg_zc"), 65435, 8).with(Knobs.IOV, "4").iov(),
                "normal buffers are pinned page by page, contiguous pages merged");
        assertEquals(1, SendConfig.of(Variant.of("copy"), 65435, 8).iov(), "every variant sends one entry by default");
    }
}
