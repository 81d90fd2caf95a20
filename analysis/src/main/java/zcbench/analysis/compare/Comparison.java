package zcbench.analysis.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import zcbench.analysis.jmh.JmhResult;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * Two runs, rows matched by their parameters. A parameter that has one value in A and another single
 * value in B (target=sink in A, target=loopback in B) is what the runs compare, so it is not matched on.
 *
 * @param compared "name: a -> b" for each such parameter
 * @param warnings what makes the two runs' numbers unlike beyond the compared parameters (timing, plan, a run
 *     that is not a measurement)
 * @param environment both runs' env.json side by side
 */
public record Comparison(Run a, Run b, List<String> matchedOn, List<String> compared, List<ComparisonRow> rows,
        List<String> warnings, EnvironmentDiff environment) {

    public static Comparison of(Run runA, Run runB) {
        List<SpeedupRow> a = SpeedupTable.of(runA, Variant.DEFAULT_BASELINE).rows();
        List<SpeedupRow> b = SpeedupTable.of(runB, Variant.DEFAULT_BASELINE).rows();
        List<String> matchedOn = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        boolean[] isCompared = new boolean[Row.CSV_ORDER.size()];
        for (int i = 0; i < isCompared.length; i++) {
            Set<String> va = values(a, i);
            Set<String> vb = values(b, i);
            isCompared[i] = va.size() == 1 && vb.size() == 1 && !va.equals(vb);
            if (isCompared[i]) {
                compared.add(Row.CSV_ORDER.get(i) + ": " + va.iterator().next() + " -> " + vb.iterator().next());
            } else {
                matchedOn.add(Row.CSV_ORDER.get(i));
            }
        }
        Map<List<String>, Deque<SpeedupRow>> unmatchedB = new LinkedHashMap<>();
        b.forEach(r -> unmatchedB.computeIfAbsent(key(r, isCompared), k -> new ArrayDeque<>()).add(r));
        List<ComparisonRow> rows = new ArrayList<>();
        for (SpeedupRow ra : a) {
            Deque<SpeedupRow> same = unmatchedB.get(key(ra, isCompared));
            rows.add(row(ra, same == null ? null : same.poll(), isCompared));
        }
        unmatchedB.values().forEach(rest -> rest.forEach(rb -> rows.add(row(null, rb, isCompared))));
        return new Comparison(runA, runB, List.copyOf(matchedOn), List.copyOf(compared), List.copyOf(rows),
                warnings(runA, runB), EnvironmentDiff.of(runA.env(), runB.env()));
    }

    /** Differences in how the two runs measured, which the verdicts cannot see. */
    private static List<String> warnings(Run a, Run b) {
        List<String> warnings = new ArrayList<>();
        Set<String> timingA = a.results().stream().map(JmhResult::timing).collect(Collectors.toCollection(TreeSet::new));
        Set<String> timingB = b.results().stream().map(JmhResult::timing).collect(Collectors.toCollection(TreeSet::new));
        if (!timingA.equals(timingB)) {
            warnings.add("The runs were measured differently (A: " + String.join("; ", timingA) + "; B: "
                    + String.join("; ", timingB) + "): more forks and iterations give narrower intervals, and "
                    + "another warm-up another steady state; compare runs of the same plan and timing.");
        }
        String planA = a.env().get("plan");
        String planB = b.env().get("plan");
        if (planA != null && planB != null && !planA.equals(planB)) {
            warnings.add("A ran plan " + planA + ", B plan " + planB + ".");
        }
        a.notAMeasurement().ifPresent(n -> warnings.add("A: " + n));
        b.notAMeasurement().ifPresent(n -> warnings.add("B: " + n));
        return List.copyOf(warnings);
    }

    public List<ComparisonRow> matched() {
        return rows.stream().filter(r -> r.a() != null && r.b() != null).toList();
    }

    public List<ComparisonRow> only(Verdict side) {
        return rows.stream().filter(r -> r.verdict() == side).toList();
    }

    private static Set<String> values(List<SpeedupRow> rows, int i) {
        return rows.stream().map(r -> r.row().csvValues().get(i)).collect(Collectors.toSet());
    }

    private static List<String> key(SpeedupRow r, boolean[] isCompared) {
        List<String> key = new ArrayList<>(r.row().csvValues());
        for (int i = 0; i < isCompared.length; i++) {
            if (isCompared[i]) {
                key.set(i, "*");
            }
        }
        return key;
    }

    private static ComparisonRow row(SpeedupRow a, SpeedupRow b, boolean[] isCompared) {
        SpeedupRow any = a != null ? a : b;
        List<String> params = new ArrayList<>(any.row().csvValues());
        for (int i = 0; i < isCompared.length; i++) {
            if (isCompared[i] && a != null && b != null) {
                params.set(i, a.row().csvValues().get(i) + " -> " + b.row().csvValues().get(i));
            }
        }
        // A's row names the pair (a compared parameter with A's value); B's when it is only in B.
        String label = any.row().key();
        if (a == null || b == null) {
            return new ComparisonRow(label, params, a, b, Double.NaN, Double.NaN, Double.NaN,
                    a == null ? Verdict.ONLY_B : Verdict.ONLY_A);
        }
        Ratio ratio = Ratio.of(a, b);
        return new ComparisonRow(label, params, a, b, ratio.value(), ratio.interval().low(),
                ratio.interval().high(), ratio.verdict());
    }
}
