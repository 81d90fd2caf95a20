package zcbench.analysis.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * How the analysis orders and words its rows; what each variant is comes from {@link Variant}, and a result may
 * name a variant zcbench does not have (it sorts last and goes by its id).
 */
public final class RowLabels {
    private static final List<String> TARGET_ORDER = Knobs.TARGETS;
    /** Shown wherever it means something, as the RFC's table did (before nr_reqs); the others only when changed. */
    private static final Knob RFC_COLUMN = Knobs.FLUSH;
    /** Not in a label: where the sender ran is no property of its loop. */
    private static final Knob UNLABELLED = Knobs.CPU;
    /** A changed knob in words, where name=value would read worse. */
    private static final Map<Knob, Map<String, String>> WORDS = Map.of(Knobs.POLL, Map.of("false", "no poll"),
            Knobs.VERIFY, Map.of("true", "verify"));

    /**
     * The table order: target (sink first, the RFC's set-up), payload, variant in {@link Variant}'s order, batch,
     * then each other knob in {@link Knobs}' order, its default first (flush false, ubuf_cache on, poll true,
     * verify false; cpu by value). Unknown variants and targets sort after known ones.
     */
    public static final Comparator<Row> ROW_ORDER = rowOrder();

    private RowLabels() {
    }

    public static boolean isZeroCopy(String variant) {
        return Variant.find(variant).map(Variant::zeroCopy).orElse(false);
    }

    /**
     * A row that asks a library for zero-copy sends the library never reports on: netty's io_uring transport with
     * a zero-copy threshold, whose SEND_ZC notifications it reads but never asks whether the kernel copied
     * (docs/ARCHITECTURE.md, "The JVM rows"). Its copied % is unknown, not 0.
     */
    public static boolean copiesUnreported(Row p) {
        String threshold = p.value(Knobs.ZC_THRESHOLD);
        // Empty in results from before the knob.
        return !threshold.isEmpty() && !threshold.equals(Knobs.ZC_THRESHOLD.defaultValue());
    }

    /**
     * A label like the RFC's, e.g. "io_uring zc fixed, flush=false, nr_reqs=8". flush is shown for the variants
     * it means something for (for the others only when set); nr_reqs is io_uring's name for batch; every other
     * knob but cpu only when it is not at its default ("ubuf_cache=off", "no poll", "verify").
     */
    public static String label(Row p) {
        List<String> parts = new ArrayList<>();
        parts.add(Variant.find(p.variant()).map(Variant::label).orElse(p.variant()));
        rfcColumn(p).ifPresent(parts::add);
        parts.add(batchWord(p) + "=" + p.batch());
        parts.addAll(changed(p));
        return String.join(", ", parts);
    }

    /**
     * The variant in words for a sentence, with the knobs that set the row apart, e.g. "io_uring zero-copy send
     * with registered buffers (nr_reqs=8, flush=false)".
     */
    public static String prose(Row p) {
        List<String> knobs = new ArrayList<>();
        if (usesRing(p) || p.batch() > 1) {
            knobs.add(batchWord(p) + "=" + p.batch());
        }
        rfcColumn(p).ifPresent(knobs::add);
        knobs.addAll(changed(p));
        return Variant.find(p.variant()).map(Variant::prose).orElse(p.variant())
                + (knobs.isEmpty() ? "" : " (" + String.join(", ", knobs) + ")");
    }

    private static Optional<String> rfcColumn(Row p) {
        String value = p.value(RFC_COLUMN);
        boolean shown = !value.isEmpty() && (Variant.find(p.variant()).map(RFC_COLUMN::appliesTo).orElse(false)
                || !value.equals(RFC_COLUMN.defaultValue()));
        return shown ? Optional.of(RFC_COLUMN.name() + "=" + value) : Optional.empty();
    }

    private static List<String> changed(Row p) {
        return Knobs.REST.stream().filter(k -> k != RFC_COLUMN && k != UNLABELLED)
                .filter(k -> !p.value(k).isEmpty() && !p.value(k).equals(k.defaultValue()))
                .map(k -> WORDS.getOrDefault(k, Map.of()).getOrDefault(p.value(k), k.name() + "=" + p.value(k)))
                .toList();
    }

    /** nr_reqs: io_uring's name for batch, requests per io_uring_enter. */
    private static String batchWord(Row p) {
        return usesRing(p) ? "nr_reqs" : Knobs.BATCH.name();
    }

    private static boolean usesRing(Row p) {
        return Variant.find(p.variant()).map(Variant::ring).orElse(false);
    }

    private static Comparator<Row> rowOrder() {
        Comparator<Row> order = Comparator.comparing((Row p) -> rank(TARGET_ORDER, p.target()))
                .thenComparing(Row::target)
                .thenComparingInt(Row::payload)
                .thenComparing(p -> rank(Variant.ids(), p.variant())).thenComparing(Row::variant)
                .thenComparingInt(Row::batch);
        for (Knob k : Knobs.REST) {
            List<String> ranked = k.values() instanceof Knob.Choices c
                    ? Stream.concat(Stream.of(k.defaultValue()), c.allowed().stream()).distinct().toList()
                    : List.of();
            order = order.thenComparing(p -> rank(ranked, p.value(k))).thenComparing(p -> p.value(k));
        }
        return order;
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }
}
