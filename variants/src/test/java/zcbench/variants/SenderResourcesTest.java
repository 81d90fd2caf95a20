package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import zcbench.linux.ProcessResources;
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
                for (Variant v : Variant.values()) {
                    try (Sender s = Senders.open(SendConfig.of(v, 65435, 8), receiver.connectedSender())) {
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
        for (Variant v : Variant.values()) {
            try (Sender s = Senders.open(SendConfig.of(v, 65435, 8), receiver.connectedSender())) {
                s.sendBatch();
            }
        }
    }

    @Test
    void meaninglessKnobsAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Variant.COPY, 65435, 8).withFlush(true));
        assertEquals("flush=true means nothing for copy: only uring_zc and uring_zc_fixed have a notification"
                + " reaping policy", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.URING_SEND, 65435, 8).withUbufCache(false));
        assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.COPY, 70000, 8));
    }
}
