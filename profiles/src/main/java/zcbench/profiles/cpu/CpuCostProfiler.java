package zcbench.profiles.cpu;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import zcbench.linux.sched.Rusage;
import zcbench.vocabulary.CpuMetric;

/**
 * The sending CPU's cost of every row: per iteration, the windows the benchmark's sender threads
 * measured themselves with a {@link SenderMeter} (their CPU's /proc/stat, their schedstat and
 * getrusage(RUSAGE_THREAD), the fork's RUSAGE_SELF, and the packets and bytes of the same window),
 * turned into {@link CpuMetric}s (docs/ARCHITECTURE.md, "The sending CPU's cost").
 *
 * <p>Its hooks run on JMH's control thread, which is neither a sender nor on a sender's CPU: it only
 * collects. JMH reports warm-up iterations' results but aggregates the measured ones alone, so the
 * row's figures span exactly the measured iterations. A benchmark without a meter gets no figures.
 */
public final class CpuCostProfiler implements InternalProfiler {
    private static final List<CpuMetric> METRICS = List.of(CpuMetric.values());

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
        return "zcbench CPU cost: the sending CPU's time (/proc/stat), the sender's own (schedstat) and the fork's"
                + " other threads (getrusage), per packet";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // Windows of an iteration whose results were never collected (a failed one) are not this one's.
        SenderWindows.drain();
    }

    @Override
    public Collection<ScalarResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        // On the control thread, but inside -prof gc's window all the same: a loop over kept metrics.
        SendingCpuCost cost = SendingCpuCost.of(SenderWindows.drain());
        List<ScalarResult> results = new ArrayList<>(METRICS.size());
        for (CpuMetric m : METRICS) {
            if (cost.has(m)) {
                results.add(new ScalarResult(m.id(), cost.get(m), m.unit(), AggregationPolicy.AVG));
            }
        }
        return results;
    }
}
