package zcbench.variants.spi;

import java.util.List;
import java.util.Optional;

import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.vocabulary.Variant;
import zcbench.vocabulary.VariantDeclaration;

/**
 * One variant: what it is called and which knobs it has (its {@link Variant}), what it needs from the kernel,
 * the rules only it has, and how it opens its sender. A provider is one class in the package of its sender,
 * registered with one line in {@code META-INF/services/zcbench.vocabulary.VariantDeclaration}; nothing else in
 * zcbench names it (docs/EXTENDING.md, "A variant").
 */
public interface SenderProvider extends VariantDeclaration {
    /**
     * Opens the sender on the calling thread, which sends, drains and closes it. It opens what it sends with
     * itself through {@code endpoint} (a socket is made in the network namespace of the thread that creates it),
     * and owns it from then on; on failure it closes whatever it opened.
     */
    Sender open(SendConfig config, Endpoint endpoint);

    /** What this variant needs of the kernel, and for which knob values: checked before a row runs. */
    default List<KernelNeed> needs() {
        return List.of();
    }

    /**
     * Why {@code config} cannot be sent by this variant, in one sentence; empty when it can. Only the rules of
     * this variant alone (a fragment limit, a kernel refusal of a combination): asked before the generic check
     * refuses a knob the variant lacks, so that a variant may say in its own words why it lacks one.
     */
    default Optional<String> refusal(SendConfig config) {
        return Optional.empty();
    }

    /**
     * Payload buffers with {@code verify}: how many must rotate so that no buffer is written while the kernel may
     * still read it. One is enough where a send copies before it returns.
     */
    default int verifySlots(SendConfig config) {
        return 1;
    }
}
