package zcbench.vocabulary;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A send path, as every module names it: the benchmark's {@code variant} parameter, a table's label, a
 * sentence's name. Each is declared by its provider in module {@code variants} (docs/ARCHITECTURE.md,
 * "The sender SPI") and found through {@link VariantCatalog}; this record is only the data every module
 * shares, so that analysis can label a row without the sender's code.
 *
 * @param id       its one name: {@code -p variant=}, row keys, CSVs
 * @param order    its place in the tables: ascending, unique across variants
 * @param label    its name in the tables, as the RFC's table named it: "io_uring zc fixed"
 * @param prose    its name in a sentence: "io_uring zero-copy send with registered buffers"
 * @param zeroCopy its sends owe a completion notification and may be copied after all
 * @param ring     it sends through an io_uring ring, so {@code batch} is the RFC's nr_reqs: SQEs per enter
 * @param knobs    the row parameters it has besides {@code variant}; any other stays at its default
 * @param earlier  the id of the RFC's variant that it sends the same buffers as with another opcode, or whose
 *                 kernel path it takes from another caller (a JDK or a library's JNI, against zcbench's FFM), with
 *                 which it forms a row pair; empty for most
 */
public record Variant(String id, int order, String label, String prose, boolean zeroCopy, boolean ring,
                      Set<Knob> knobs, Optional<String> earlier) {
    /**
     * The send paths the RFC measured, in its table's order: the plans' variants, and a custom
     * selection's unless -p variant= names others.
     */
    public static final List<String> RFC = List.of("copy", "msg_zerocopy", "uring_send", "uring_zc",
            "uring_zc_fixed");

    /** What speedups are against unless asked otherwise: the RFC's baseline. */
    public static final String DEFAULT_BASELINE = "msg_zerocopy";

    public Variant {
        knobs = Set.copyOf(knobs);
        if (knobs.contains(Knobs.VARIANT)) {
            throw new IllegalArgumentException(id + ": every variant has the knob variant; list only the others");
        }
    }

    /** Its id: what a message or a parameterized test's name shows of it. */
    @Override
    public String toString() {
        return id;
    }

    /** Whether {@code knob} changes what this variant measures: {@code variant} itself, or one it declares. */
    public boolean has(Knob knob) {
        return knob == Knobs.VARIANT || knobs.contains(knob);
    }

    /** Whether this is one of the send paths the RFC measured. */
    public boolean rfc() {
        return RFC.contains(id);
    }

    /** The variant of this id, among those declared. */
    public static Variant of(String id) {
        return VariantCatalog.of(id);
    }

    /** The variant of this id; empty for an id no variant has (a result not written by zcbench's benchmark). */
    public static Optional<Variant> find(String id) {
        return VariantCatalog.find(id);
    }

    /** Every declared variant, in the tables' order. */
    public static List<Variant> all() {
        return VariantCatalog.all();
    }

    /** Every id, in the tables' order. */
    public static List<String> ids() {
        return all().stream().map(Variant::id).toList();
    }

    /** The RFC's variants, in its table's order. */
    public static List<Variant> rfcVariants() {
        return RFC.stream().map(Variant::of).toList();
    }
}
