package zcbench.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.WorkloadParams;

/**
 * The forks of every row measured in rounds, each fork its own JMH run, merged into one JMH result per row as
 * one JMH run of that many forks would have made it: JMH's {@link RunResult} over the forks'
 * {@link BenchmarkResult}s, fork i being round i. So jmh.json stays what {@code -rf json} writes, and
 * {@code report}, {@code compare} and any JMH reader see a row of n forks (docs/ARCHITECTURE.md, "Rounds").
 */
final class RowForks {
    /** By the row's index in the plan, so that jmh.json keeps plan order whatever order the rounds ran in. */
    private final Map<Integer, List<BenchmarkResult>> forks = new TreeMap<>();
    private final Map<Integer, BenchmarkParams> params = new TreeMap<>();

    /** Adds the forks of one JMH run of the row (one, in rounds). */
    void add(int row, RunResult run) {
        params.putIfAbsent(row, run.getParams());
        forks.computeIfAbsent(row, r -> new ArrayList<>()).addAll(run.getBenchmarkResults());
    }

    int forkCount(int row) {
        return forks.getOrDefault(row, List.of()).size();
    }

    /** One result per row with a finished fork, in plan order: what jmh.json holds at this moment. */
    List<RunResult> merged() {
        return List.copyOf(mergedByRow().values());
    }

    /** {@link #merged()} by the row's index in the plan. */
    Map<Integer, RunResult> mergedByRow() {
        Map<Integer, RunResult> results = new TreeMap<>();
        forks.forEach((row, rowForks) -> results.put(row, merge(params.get(row), rowForks)));
        return results;
    }

    /** The row's result over its forks; its parameters say how many forks it has, as JMH's would. */
    static RunResult merge(BenchmarkParams first, List<BenchmarkResult> rowForks) {
        BenchmarkParams p = withForks(first, rowForks.size());
        return new RunResult(p, List.copyOf(rowForks));
    }

    private static BenchmarkParams withForks(BenchmarkParams p, int forkCount) {
        if (p.getForks() == forkCount) {
            return p;
        }
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (String key : p.getParamsKeys()) {
            workload.put(key, p.getParam(key), order++);
        }
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(),
                p.getThreads(), p.getThreadGroups(), p.getThreadGroupLabels(), forkCount, p.getWarmupForks(),
                p.getWarmup(), p.getMeasurement(), p.getMode(), workload, p.getTimeUnit(), p.getOpsPerInvocation(),
                p.getJvm(), p.getJvmArgs(), p.getJdkVersion(), p.getVmName(), p.getVmVersion(), p.getJmhVersion(),
                p.getTimeout());
    }
}
