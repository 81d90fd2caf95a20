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

    @Override
    public int verifySlots(SendConfig config) {
        return NettySender.verifySlots(config);
    }
}
