package zcbench.profiles.rows;

import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import zcbench.vocabulary.Knobs;

/**
 * One result row as the profilers see it: the benchmark, JMH's trial id (which names the folder
 * JMH's file-writing profilers create for the trial) and the row's parameters.
 */
public record TrialRow(String benchmark, String trialId, Map<String, String> params) {

    /**
     * The harness's parameters in the order zcbench shows them (JMH lists parameters by name): the
     * knobs in {@link Knobs}' order, the target before cpu, as profile-summary.csv has had them.
     */
    public static final List<String> PARAM_ORDER = paramOrder();

    public TrialRow {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static TrialRow of(BenchmarkParams params) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(params.getParamsKeys());
        keys.sort(Comparator.comparingInt(k -> PARAM_ORDER.contains(k) ? PARAM_ORDER.indexOf(k) : PARAM_ORDER.size()));
        for (String key : keys) {
            values.put(key, params.getParam(key));
        }
        return new TrialRow(params.getBenchmark(), params.id(), values);
    }

    /** The benchmark's class and method, without the package: {@code SendBenchmark.send}. */
    public String shortBenchmark() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    private static List<String> paramOrder() {
        List<String> order = new ArrayList<>(Knobs.names());
        order.add(order.indexOf(Knobs.CPU.name()), Knobs.TARGET);
        return List.copyOf(order);
    }
}
