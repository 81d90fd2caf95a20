package zcbench.profiles.cpu;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import zcbench.linux.sched.Rusage;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.CpuMetric;

/**
 * The CPU cost of every row: CPU time (user + system, every thread of the fork) per packet and
 * per MiB sent, measured per iteration with getrusage. On a machine without a hardware PMU this
 * stands in for cycles.
 *
 * <p>Packets in an iteration = the {@code packets} secondary result (a rate per the benchmark's
 * time unit) times the iteration's duration; MiB likewise from {@code bytes}. Both the CPU time
 * and the duration span beforeIteration..afterIteration, which includes the iteration's
 * setup/teardown: the cost of reaping completions there is part of sending. Kernel work the
 * kernel defers to other tasks (ksoftirqd, kworkers) is not counted.
 *
 * <p>Add it after the other profilers: JMH stops profilers in reverse order, so it then does not
 * count the time async-profiler spends writing its graphs after the last iteration.
 */
public final class CpuCostProfiler implements InternalProfiler {

    private static final double MIB = 1024 * 1024;

    private Rusage.Times before;
    private long beforeNanos;

    /** Fails fast, in the host JVM where JMH checks profilers, when getrusage cannot be called. */
    public CpuCostProfiler() throws ProfilerException {
        try {
            Rusage.self();
        } catch (RuntimeException | LinkageError e) {
            throw new ProfilerException("getrusage(RUSAGE_SELF) is not available: " + e.getMessage());
        }
    }

    @Override
    public String getDescription() {
        return "zcbench CPU cost: CPU time (user+system, all threads of the fork, getrusage) per packet and per MiB";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = Rusage.self();
        beforeNanos = System.nanoTime();
    }

    @Override
    public Collection<ScalarResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long elapsed = System.nanoTime() - beforeNanos;
        Rusage.Times cpu = Rusage.self().minus(before);
        double cpuNanos = cpu.userNanos() + cpu.systemNanos();
        List<ScalarResult> results = new ArrayList<>();
        results.add(result(CpuMetric.USER_PCT, 100.0 * cpu.userNanos() / elapsed));
        results.add(result(CpuMetric.SYS_PCT, 100.0 * cpu.systemNanos() / elapsed));
        if (benchmarkParams.getMode() == Mode.Throughput) {
            double units = (double) elapsed / benchmarkParams.getTimeUnit().toNanos(1);
            double packets = count(result, Counter.PACKETS, units);
            double mib = count(result, Counter.BYTES, units) / MIB;
            if (packets > 0) {
                results.add(result(CpuMetric.NS_PER_PACKET, cpuNanos / packets));
            }
            if (mib > 0) {
                results.add(result(CpuMetric.NS_PER_MIB, cpuNanos / mib));
            }
        }
        return results;
    }

    private static ScalarResult result(CpuMetric metric, double value) {
        return new ScalarResult(metric.id(), value, metric.unit(), AggregationPolicy.AVG);
    }

    /** How many of {@code counter} the iteration did: its rate times the iteration's length; 0 when absent. */
    private static double count(IterationResult result, Counter counter, double units) {
        Result<?> rate = result.getSecondaryResults().get(counter.id());
        return rate == null ? 0 : rate.getScore() * units;
    }
}
