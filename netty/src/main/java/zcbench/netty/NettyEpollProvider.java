package zcbench.netty;

import java.util.Optional;

import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.variants.spi.Endpoint;
import zcbench.variants.spi.SenderProvider;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * {@code netty_epoll}: netty's native epoll transport, a connected EpollDatagramChannel (UDP) or EpollSocketChannel
 * (TCP) on an event loop of one thread (docs/ARCHITECTURE.md, "The JVM rows"). It pairs with copy: a copying
 * send, called through netty's JNI instead of zcbench's FFM.
 */
public final class NettyEpollProvider implements SenderProvider {
    private static final Variant VARIANT = new Variant("netty_epoll", 90, "netty epoll",
            "netty's epoll transport", false, false, Knobs.COMMON, Optional.of("copy"));

    @Override
    public Variant variant() {
        return VARIANT;
    }

    @Override
    public Sender open(SendConfig config, Endpoint endpoint) {
        return new NettySender(config, endpoint, NettyTransport.EPOLL);
    }

    /**
     * A batch's writes are queued before any is sent, and a buffer comes back only when netty releases it (after a
     * zero-copy send's notification): two batches' worth, so that the next batch need not wait for the last one's.
     */
    @Override
    public int verifySlots(SendConfig config) {
        return 2 * config.batch();
    }
}
