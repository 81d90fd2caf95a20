package zcbench.analysis.crossover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import zcbench.analysis.table.Num;

/**
 * The sentence a run that sweeps payloads opens with, one per target: "Zero-copy pays from about N bytes here:
 * msg_zerocopy from A [lo, hi] bytes over copy, ...". N is the smallest payload from which any zero-copy path
 * pays.
 */
public final class CrossoverText {
    private CrossoverText() {
    }

    /** One sentence per target swept; empty when the run holds no sweep. */
    public static List<String> sentences(List<Crossover> crossovers) {
        Map<String, List<Crossover>> byTarget = crossovers.stream().collect(Collectors.groupingBy(Crossover::target,
                LinkedHashMap::new, Collectors.toList()));
        List<String> sentences = new ArrayList<>();
        byTarget.forEach((target, list) -> {
            String where = byTarget.size() > 1 ? " (target " + target + ")" : "";
            double earliest = list.stream().mapToDouble(c -> c.kind() == Crossover.Kind.FROM_SMALLEST
                    ? c.smallest() : c.payload()).min().orElse(Double.POSITIVE_INFINITY);
            boolean fromSmallest = list.stream().anyMatch(c -> c.kind() == Crossover.Kind.FROM_SMALLEST);
            String lead = Double.isInfinite(earliest)
                    ? "Zero-copy does not pay within the payloads measured here" + where
                    : "Zero-copy pays from about " + Num.fixed(earliest, 0) + " bytes" + (fromSmallest
                            && earliest == list.getFirst().smallest() ? " or below" : "") + " here" + where;
            sentences.add(lead + ": " + list.stream().map(Crossover::phrase).collect(Collectors.joining("; "))
                    + ".");
        });
        return sentences;
    }
}
