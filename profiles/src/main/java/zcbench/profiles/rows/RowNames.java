package zcbench.profiles.rows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import zcbench.vocabulary.Row;
import zcbench.vocabulary.RowKey;

/**
 * File names for result rows: a zcbench row's key ({@link RowKey}), e.g.
 * {@code uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink}.
 *
 * <p>A row of another benchmark is named by the parameters that take different values among the
 * rows named together, as name=value, or by its benchmark when none do. When rows of several
 * benchmarks are named together each name begins with its benchmark; a name taken already gets
 * {@code -2}, {@code -3} ...
 */
public final class RowNames {

    private RowNames() {
    }

    /** A distinct name for every row, in the rows' order. */
    public static Map<TrialRow, String> names(List<TrialRow> rows) {
        Set<String> varying = varyingParams(rows);
        boolean severalBenchmarks = rows.stream().map(TrialRow::benchmark).distinct().count() > 1;
        Map<TrialRow, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (TrialRow row : rows) {
            String base = name(row, varying, severalBenchmarks);
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "-" + n;
            }
            names.put(row, name);
        }
        return names;
    }

    private static String name(TrialRow row, Set<String> varying, boolean withBenchmark) {
        List<String> parts = new ArrayList<>();
        if (withBenchmark) {
            parts.add(row.shortBenchmark());
        }
        row.row().map(Row::key).ifPresentOrElse(parts::add, () -> row.params().forEach((key, value) -> {
            if (varying.contains(key)) {
                parts.add(key + "=" + value);
            }
        }));
        if (parts.isEmpty()) {
            parts.add(row.shortBenchmark());
        }
        return RowKey.safe(String.join("-", parts));
    }

    private static Set<String> varyingParams(List<TrialRow> rows) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (TrialRow row : rows) {
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
