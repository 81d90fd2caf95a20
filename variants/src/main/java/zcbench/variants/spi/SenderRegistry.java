package zcbench.variants.spi;

import java.util.List;

import zcbench.linux.net.InetSocket;
import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.vocabulary.Variant;
import zcbench.vocabulary.VariantCatalog;
import zcbench.vocabulary.VariantDeclaration;

/** The providers of every declared variant, in the tables' order: the one place a variant's sender is found. */
public final class SenderRegistry {
    private SenderRegistry() {
    }

    /** Opens {@code config}'s sender through its variant's provider, on the calling thread, which owns it. */
    public static Sender open(SendConfig config, Endpoint endpoint) {
        return of(config.variant()).open(config, endpoint);
    }

    /**
     * Opens {@code config}'s sender over a socket the caller made and connected, which the sender then owns: for
     * the variants on zcbench's own socket ({@link SocketSenderProvider}).
     */
    public static Sender openOn(SendConfig config, InetSocket connected) {
        if (of(config.variant()) instanceof SocketSenderProvider p) {
            return p.open(config, connected);
        }
        connected.close();
        throw new IllegalArgumentException(config.variant().id() + " opens what it sends with itself: give it an"
                + " endpoint, not a socket");
    }

    public static List<SenderProvider> providers() {
        return VariantCatalog.declarations().stream().map(SenderRegistry::provider).toList();
    }

    public static SenderProvider of(Variant variant) {
        return of(variant.id());
    }

    public static SenderProvider of(String id) {
        Variant variant = Variant.of(id);
        return VariantCatalog.declarations().stream().filter(d -> d.variant().equals(variant)).findFirst()
                .map(SenderRegistry::provider).orElseThrow();
    }

    private static SenderProvider provider(VariantDeclaration d) {
        if (d instanceof SenderProvider p) {
            return p;
        }
        throw new IllegalStateException("variant " + d.variant().id() + " is declared by " + d.getClass().getName()
                + ", which is no SenderProvider: nothing can send it");
    }
}
