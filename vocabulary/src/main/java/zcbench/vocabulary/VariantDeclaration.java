package zcbench.vocabulary;

/**
 * What declares a variant: the sender SPI's provider (module {@code variants}, {@code zcbench.variants.spi}),
 * registered with one line in {@code META-INF/services/zcbench.vocabulary.VariantDeclaration}. Here, so that
 * {@link VariantCatalog} finds every variant on the class path, the analysis of a run included, without
 * depending on the senders (docs/ARCHITECTURE.md, "The sender SPI").
 */
public interface VariantDeclaration {
    Variant variant();
}
