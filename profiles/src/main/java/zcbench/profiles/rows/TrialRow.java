package zcbench.profiles.rows;

import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import zcbench.vocabulary.Row;

/**
 * One trial as the profilers see it: the benchmark, JMH's trial id (which names the folder JMH's file-writing
 * profilers create for the trial) and its parameters, a zcbench {@link Row}'s when the benchmark is zcbench's.
 */
public record TrialRow(String benchmark, String trialId, Map<String, String> params) {

    public TrialRow {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static TrialRow of(BenchmarkParams params) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(params.getParamsKeys());
        // JMH lists parameters by name; zcbench's CSVs have a row's values in Row.CSV_ORDER, any other after them.
        List<String> order = Row.CSV_ORDER;
        keys.sort(Comparator.comparingInt(k -> order.contains(k) ? order.indexOf(k) : order.size()));
        for (String key : keys) {
            values.put(key, params.getParam(key));
        }
        return new TrialRow(params.getBenchmark(), params.id(), values);
    }

    /** The zcbench row this trial ran; empty for another benchmark's trial. */
    public Optional<Row> row() {
        return Row.read(params);
    }

    /** The benchmark's class and method, without the package: {@code SendBenchmark.send}. */
    public String shortBenchmark() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }
}
