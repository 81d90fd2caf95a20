package zcbench.analysis.pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import zcbench.analysis.compare.Ratio;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * The row pairs of one run: two rows of the same target and CPU that differ in exactly one knob, A at the knob's
 * default and B at another value, or only in the variant, B the later counterpart of A ({@link Variant#earlier}).
 * Rows that differ in two knobs, or in one where neither is at its default (iov 2 and 4), are no pair.
 */
public final class RowPairs {
    /**
     * Never the knob a pair changes: where the sender ran is no property of its loop, and rows of two payloads
     * send two different workloads (their MB/s ratio is what the crossover, not a pair, reads).
     */
    private static final Set<Knob> UNPAIRED = Set.of(Knobs.CPU, Knobs.PAYLOAD);

    private RowPairs() {
    }

    /** In the table's order of A, then of B. */
    public static List<RowPair> of(SpeedupTable table) {
        List<RowPair> pairs = new ArrayList<>();
        for (SpeedupRow a : table.rows()) {
            for (SpeedupRow b : table.rows()) {
                changed(a.row(), b.row()).ifPresent(knob -> pairs.add(new RowPair(label(a.row(), b.row(),
                        knob), knob.name(), a, b, Ratio.of(a, b))));
            }
        }
        return List.copyOf(pairs);
    }

    /** The knob B changes from A when the two are a pair; empty otherwise. */
    static Optional<Knob> changed(Row a, Row b) {
        if (!a.target().equals(b.target())) {
            return Optional.empty();
        }
        List<Knob> differ = Knobs.ALL.stream().filter(k -> !a.value(k).equals(b.value(k))).toList();
        if (differ.size() != 1 || UNPAIRED.contains(differ.getFirst())) {
            return Optional.empty();
        }
        Knob k = differ.getFirst();
        if (k == Knobs.VARIANT) {
            boolean later = Variant.find(b.variant()).flatMap(Variant::earlier)
                    .filter(a.variant()::equals).isPresent();
            return later ? Optional.of(k) : Optional.empty();
        }
        return a.value(k).equals(k.defaultValue()) ? Optional.of(k) : Optional.empty();
    }

    /**
     * "uring_zc_fixed b8: setup coop → defer", "b8: uring_zc → uring_sendmsg_zc": the variant and batch unless they
     * change, A's other knobs not at their default, then the change (the payload is the pair's group).
     */
    static String label(Row a, Row b, Knob knob) {
        List<String> context = new ArrayList<>();
        if (knob != Knobs.VARIANT) {
            context.add(a.variant());
        }
        if (knob != Knobs.BATCH) {
            context.add("b" + a.batch());
        }
        Knobs.REST.stream().filter(k -> k != knob && !UNPAIRED.contains(k))
                .filter(k -> !a.value(k).isEmpty() && !a.value(k).equals(k.defaultValue()))
                .forEach(k -> context.add(k.name() + "=" + a.value(k)));
        String change = (knob == Knobs.VARIANT ? "" : knob.name() + " ") + a.value(knob) + " → " + b.value(knob);
        return String.join(" ", context) + ": " + change;
    }
}
