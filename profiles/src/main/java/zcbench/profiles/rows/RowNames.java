package zcbench.profiles.rows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File names for result rows that carry the row's parameters, e.g.
 * {@code uring_zc_fixed-65435-b8-flushfalse-ubufon-sink}.
 *
 * <p>The benchmark's own parameters come first, in a fixed order and short form. Any other
 * parameter (e.g. {@code cpu}) is added as key+value only when it takes different values among
 * the rows named together, so names stay short but do not collide.
 */
public final class RowNames {

    /** The parameters always in a name, and the prefix each value gets; in {@link Row#PARAM_ORDER}. */
    private static final Map<String, String> PREFIX = Map.of(
            "variant", "", "payload", "", "batch", "b", "flush", "flush", "ubufCache", "ubuf", "target", "");

    private RowNames() {
    }

    /** A distinct name for every row, in the rows' order. */
    public static Map<Row, String> names(List<Row> rows) {
        Set<String> varying = varyingParams(rows);
        boolean severalBenchmarks = rows.stream().map(Row::benchmark).distinct().count() > 1;
        Map<Row, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Row row : rows) {
            String base = name(row, varying, severalBenchmarks);
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "-" + n;
            }
            names.put(row, name);
        }
        return names;
    }

    private static String name(Row row, Set<String> varying, boolean withBenchmark) {
        List<String> parts = new ArrayList<>();
        if (withBenchmark) {
            parts.add(row.shortBenchmark());
        }
        Row.PARAM_ORDER.stream()
                .filter(key -> PREFIX.containsKey(key) && row.params().containsKey(key))
                .forEach(key -> parts.add(PREFIX.get(key) + row.params().get(key)));
        row.params().forEach((key, value) -> {
            if (!PREFIX.containsKey(key) && varying.contains(key)) {
                parts.add(key + value);
            }
        });
        if (parts.isEmpty()) {
            parts.add(row.shortBenchmark());
        }
        return String.join("-", parts).replaceAll("[^A-Za-z0-9._+-]", "_");
    }

    private static Set<String> varyingParams(List<Row> rows) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Row row : rows) {
            row.params().forEach((key, value) -> values.computeIfAbsent(key, k -> new HashSet<>()).add(value));
        }
        Set<String> varying = new HashSet<>();
        values.forEach((key, seen) -> {
            if (seen.size() > 1) {
                varying.add(key);
            }
        });
        return varying;
    }
}
