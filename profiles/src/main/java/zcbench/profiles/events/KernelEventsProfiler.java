package zcbench.profiles.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

import zcbench.vocabulary.Counter;
import zcbench.vocabulary.KernelEvent;

/**
 * {@code run --events}: each {@link KernelEvent} counted on the sending CPUs over every measured iteration,
 * divided by the iteration's packets (docs/ARCHITECTURE.md, "Kernel events"). A {@link PerfStat} per
 * measured iteration, its counters turned on after perf started and off before it is stopped, so neither
 * perf's start nor warm-up iterations count.
 *
 * <p>JMH's perfnorm does not fit: it runs perf around the whole fork (warm-ups and set-up included unless a
 * delay guessed from the timing skips them), counts the fork's own threads rather than the CPU its softirq
 * work lands on, and divides by operations, which are batches here, not packets.
 *
 * <p>Packets of an iteration: the {@code packets} rate times the iteration's time, as JMH measured the rate
 * over its own window; the counters span that window and the iteration's set-up and tear-down, where a
 * sender reaps completions that are part of sending. Add it before the CPU-cost profiler, so that perf
 * starts and stops outside the time that profiler counts.
 */
public final class KernelEventsProfiler implements InternalProfiler {
    private final List<String> command;
    private PerfStat perf;

    /**
     * @param cpus the sending CPUs as perf's -C takes them ("3,2"), or "" for every CPU
     * @throws ProfilerException in the host JVM, where JMH checks profilers, when this machine cannot count
     */
    public KernelEventsProfiler(String cpus) throws ProfilerException {
        String missing = PerfStat.missing().orElse(null);
        if (missing != null) {
            throw new ProfilerException(missing);
        }
        command = PerfStat.onCpus(cpus == null ? "" : cpus.strip());
    }

    /** What this machine lacks for {@code --events}, in one sentence, or null when it has all. */
    public static String missing() {
        return PerfStat.missing().orElse(null);
    }

    @Override
    public String getDescription() {
        return "zcbench kernel events: tracepoints counted by perf stat on the sending CPUs, per packet";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (iterationParams.getType() == IterationType.MEASUREMENT) {
            perf = PerfStat.start(command);
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        if (perf == null) {
            return List.of();
        }
        Map<KernelEvent, Long> counts;
        try {
            counts = perf.stop();
        } finally {
            perf = null;
        }
        // In nanoseconds first: TimeValue converts to whole units, and an iteration may be shorter than one.
        double units = (double) iterationParams.getTime().convertTo(TimeUnit.NANOSECONDS)
                / benchmarkParams.getTimeUnit().toNanos(1);
        Result<?> rate = result.getSecondaryResults().get(Counter.PACKETS.id());
        double packets = rate == null ? 0 : rate.getScore() * units;
        List<ScalarResult> results = new ArrayList<>();
        if (packets > 0) {
            counts.forEach((event, n) -> results.add(new ScalarResult(event.id(), n / packets, "events/packet",
                    AggregationPolicy.AVG)));
        }
        return results;
    }
}
