package zcbench.harness.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * The JVM rows open their own channels through the sink's endpoint: the socket is made in the sink's namespace,
 * so the ifb device counts every packet they report sent, and nothing they send goes elsewhere
 * (docs/ARCHITECTURE.md, "The JVM rows").
 */
class JvmRowsOnSinkTest {
    private static final int BATCHES = 200;

    @BeforeAll
    static void needsSink() {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
    }

    @ParameterizedTest(name = "{0} ip={1} verify={2}")
    @CsvSource({"nio, 4, false", "nio, 6, true", "netty_epoll, 4, false", "netty_epoll, 6, true",
        "netty_uring, 4, false", "netty_uring, 6, true"})
    void everyPacketReportedSentReachesTheSink(String variant, String ip, boolean verify) {
        SendConfig config = SendConfig.of(Variant.of(variant), 65435, 8).with(Knobs.IP, ip)
                .with(Knobs.VERIFY, String.valueOf(verify));
        long packets;
        long delivered;
        try (SinkNetwork sink = SinkNetwork.create();
             Sender sender = SenderRegistry.open(config, sink.endpoint(IpVersion.of(ip), Protocol.UDP))) {
            sender.sendBatch();
            long packetsBefore = sender.counters().packets;
            long deliveredBefore = sink.deliveredPackets();
            for (int i = 0; i < BATCHES; i++) {
                sender.sendBatch();
            }
            sender.drain();
            packets = sender.counters().packets - packetsBefore;
            delivered = sink.deliveredPackets() - deliveredBefore;
        }
        assertEquals(BATCHES * 8L, packets);
        assertEquals(packets, delivered, "packets the ifb sink counted");
    }
}
