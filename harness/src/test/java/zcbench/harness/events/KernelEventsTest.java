package zcbench.harness.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import zcbench.harness.targets.SinkNetwork;
import zcbench.profiles.events.KernelEventsProfiler;
import zcbench.profiles.events.PerfStat;
import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.KernelEvent;
import zcbench.vocabulary.Variant;

/**
 * What perf counts for a known number of sends to the sink, on the sending thread: one io_uring request and
 * one CQE per uring_send packet, and two CQEs (send result and notification) per zero-copy packet, each
 * through io_uring's one CQE-filling path, which fires io_uring_complete (docs/ARCHITECTURE.md, "Kernel
 * events"); and one device transmit per packet.
 */
class KernelEventsTest {
    private static final int BATCHES = 100;
    private static final int BATCH = 8;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"uring_send, 1", "uring_zc, 2", "uring_zc_fixed, 2"})
    void cqesPerPacketAreOneForSendsAndTwoForZeroCopy(String variant, int cqesPerPacket) throws IOException {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        String missing = KernelEventsProfiler.missing();
        assumeTrue(missing == null, () -> "skipped: " + missing);
        long packets = (long) BATCHES * BATCH;
        Map<KernelEvent, Long> counts;
        try (SinkNetwork sink = SinkNetwork.create();
             Sender sender = SenderRegistry.openOn(SendConfig.of(Variant.of(variant), 65435, BATCH), sink.openConnectedUdp())) {
            sender.sendBatch(); // the first enter registers nothing new, but keep set-up out of the count
            sender.drain();
            PerfStat perf = PerfStat.start(PerfStat.onThread(threadId()));
            for (int i = 0; i < BATCHES; i++) {
                sender.sendBatch();
            }
            sender.drain();
            counts = perf.stop();
        }
        assertEquals(packets, counts.get(KernelEvent.IO_URING_SUBMIT_REQ), "one request per packet: " + counts);
        assertEquals(cqesPerPacket * packets, counts.get(KernelEvent.IO_URING_COMPLETE), "CQEs: " + counts);
        assertTrue(counts.get(KernelEvent.NET_DEV_XMIT) >= packets, "a transmit per packet at least: " + counts);
        assertTrue(counts.get(KernelEvent.SYS_ENTER) >= BATCHES, "an io_uring_enter per batch at least: " + counts);
    }

    /** This thread's id, as /proc/thread-self names it ("pid/task/tid"). */
    private static long threadId() throws IOException {
        Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
        return Long.parseLong(self.getFileName().toString());
    }
}
