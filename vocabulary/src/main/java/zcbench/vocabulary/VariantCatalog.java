package zcbench.vocabulary;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every variant declared on the class path, each by its {@link VariantDeclaration}, read once. A duplicate id or
 * table place is a build mistake and fails the first look-up with a sentence naming both.
 */
public final class VariantCatalog {
    private VariantCatalog() {
    }

    /**
     * Loaded on first use, not when {@link Knobs} is: a declaration names knobs, so the knobs must exist
     * before any declaration is made.
     */
    private static final class Loaded {
        static final List<VariantDeclaration> DECLARATIONS = load();
        static final List<Variant> VARIANTS = DECLARATIONS.stream().map(VariantDeclaration::variant).toList();
    }

    private static List<VariantDeclaration> load() {
        List<VariantDeclaration> found = ServiceLoader.load(VariantDeclaration.class,
                VariantCatalog.class.getClassLoader()).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(d -> d.variant().order())).toList();
        Map<String, Variant> ids = new HashMap<>();
        Map<Integer, Variant> orders = new HashMap<>();
        for (VariantDeclaration d : found) {
            Variant v = d.variant();
            Variant sameId = ids.putIfAbsent(v.id(), v);
            Variant samePlace = orders.putIfAbsent(v.order(), v);
            if (sameId != null || samePlace != null) {
                throw new IllegalStateException("two variant declarations clash: " + v.id() + " and "
                        + (sameId != null ? sameId : samePlace).id() + " have the same "
                        + (sameId != null ? "id" : "order " + v.order()));
            }
        }
        return found;
    }

    /** Every variant, in the tables' order. */
    public static List<Variant> all() {
        return Loaded.VARIANTS;
    }

    /** Every declaration, in the tables' order: what the sender SPI's registry reads its providers from. */
    public static List<VariantDeclaration> declarations() {
        return Loaded.DECLARATIONS;
    }

    public static Optional<Variant> find(String id) {
        return all().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public static Variant of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown variant '" + id + "'; one of: "
                + String.join(", ", all().stream().map(Variant::id).toList())));
    }
}
