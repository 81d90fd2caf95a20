package zcbench.netty;

import java.util.Optional;

import zcbench.linux.net.Protocol;
import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.variants.spi.Endpoint;
import zcbench.variants.spi.SenderProvider;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * {@code netty_uring}: netty's io_uring transport, a connected IoUringDatagramChannel (UDP) or IoUringSocketChannel
 * (TCP) on an event loop of one thread; over TCP its zero-copy threshold is the knob zc_threshold
 * (docs/ARCHITECTURE.md, "The JVM rows"). It pairs with uring_send: io_uring sends that copy, submitted through
 * netty's JNI instead of zcbench's FFM.
 */
public final class NettyUringProvider implements SenderProvider {
    private static final Variant VARIANT = new Variant("netty_uring", 100, "netty io_uring",
            "netty's io_uring transport", false, false, Knobs.commonAnd(Knobs.ZC_THRESHOLD),
            Optional.of("uring_send"));

    @Override
    public Variant variant() {
        return VARIANT;
    }

    @Override
    public Sender open(SendConfig config, Endpoint endpoint) {
        return new NettySender(config, endpoint, NettyTransport.IO_URING);
    }

    /** netty sends zero-copy only on its stream channels: a threshold for UDP would change nothing. */
    @Override
    public Optional<String> refusal(SendConfig config) {
        String threshold = config.value(Knobs.ZC_THRESHOLD);
        if (config.protocol() == Protocol.UDP && !threshold.equals(Knob.OffOrRange.OFF)) {
            return Optional.of("zc_threshold=" + threshold + " means nothing for netty_uring over UDP: netty's io_uring"
                    + " transport sends datagrams without zero-copy; only its TCP writes use"
                    + " IO_URING_WRITE_ZERO_COPY_THRESHOLD");
        }
        return Optional.empty();
    }

    @Override
    public int verifySlots(SendConfig config) {
        return NettySender.verifySlots(config);
    }
}
