package zcbench.variants.nio;

import java.util.Optional;

import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.variants.spi.Endpoint;
import zcbench.variants.spi.SenderProvider;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * {@code nio}: the JDK's own channels, a connected blocking {@code DatagramChannel} (UDP) or {@code SocketChannel}
 * (TCP) writing a direct ByteBuffer: what a Java program sends with when it uses no library (docs/ARCHITECTURE.md,
 * "The JVM rows"). It pairs with copy: the same copying send on a connected socket, called by the JDK instead
 * of by zcbench through FFM.
 */
public final class NioProvider implements SenderProvider {
    private static final Variant VARIANT = new Variant("nio", 80, "java.nio channel",
            "java.nio's blocking channel", false, false, Knobs.COMMON, Optional.of("copy"));

    @Override
    public Variant variant() {
        return VARIANT;
    }

    @Override
    public Sender open(SendConfig config, Endpoint endpoint) {
        return new NioSender(config, endpoint);
    }
}
