package zcbench.harness.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

import zcbench.harness.bench.LatencyOutput;
import zcbench.profiles.async.FlameMode;
import zcbench.profiles.async.FlameReport;
import zcbench.profiles.async.FlameSession;
import zcbench.profiles.cpu.CpuCostProfiler;
import zcbench.profiles.events.KernelEventsProfiler;
import zcbench.profiles.jfr.JfrSession;
import zcbench.vocabulary.Row;

/**
 * The profilers of a run: async-profiler flame graphs, JFR and kernel event counts on request, the
 * CPU-cost profiler always. zcbench sets the forks' profiling options; the user only names the flag.
 * Every fork also learns where rows with latency=true leave their histograms.
 */
public final class Profiling implements PlanRunner.RowOptions {
    private final FlameSession flame;
    private final JfrSession jfr;
    private final boolean events;
    private final Path runDir;

    private Profiling(FlameSession flame, JfrSession jfr, boolean events, Path runDir) {
        this.flame = flame;
        this.jfr = jfr;
        this.events = events;
        this.runDir = runDir;
    }

    /** Prepares the sessions and says, before anything runs, whether kernel frames will come. */
    public static Profiling prepare(FlameMode flameMode, boolean jfr, boolean events, Path runDir, PrintStream out) {
        FlameSession flame = flameMode == null ? null : FlameSession.prepare(flameMode, runDir);
        if (flame != null) {
            out.println("zcbench: flame graphs: " + flame.preflight().message());
        }
        return new Profiling(flame, jfr ? JfrSession.prepare(runDir) : null, events, runDir);
    }

    @Override
    public List<String> forkJvmArgs() {
        List<String> args = new ArrayList<>(flame == null ? List.of() : flame.forkJvmArgs());
        if (jfr != null) {
            jfr.forkJvmArgs().stream().filter(a -> !args.contains(a)).forEach(args::add);
        }
        args.add(LatencyOutput.forkJvmArg(runDir));
        return args;
    }

    /** perf's -C for the row: each sender's CPU (docs/ARCHITECTURE.md, "The sender alone"), "" when unpinned. */
    static String perfCpus(Row row) {
        return Arrays.stream(PlanRunner.sendingCpus(row)).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    @Override
    public void apply(Row row, ChainedOptionsBuilder builder) {
        if (flame != null) {
            builder.addProfiler(flame.profilerClass(), flame.profilerOptions());
        }
        if (jfr != null) {
            builder.addProfiler(jfr.profilerClass(), jfr.profilerOptions());
        }
        if (events) {
            // Before the CPU cost: perf starts before and stops after the time that profiler counts.
            builder.addProfiler(KernelEventsProfiler.class, perfCpus(row));
        }
        // Last: JMH stops profilers in reverse order, so the CPU cost stops counting before
        // async-profiler spends CPU writing its graphs.
        builder.addProfiler(CpuCostProfiler.class);
    }

    /** Collects the graphs and recordings into the run folder and reports what is missing. */
    public List<String> finish(Collection<RunResult> results, PrintStream out) {
        List<String> warnings = new ArrayList<>();
        if (flame != null && !results.isEmpty()) {
            FlameReport report = flame.finish(results);
            warnings.addAll(report.warnings().stream().map(w -> "flame: " + w).toList());
            out.println("zcbench: flame graphs in " + flame.flameDir()
                    + (report.summary() == null ? "" : "; where the time went: " + report.summary()));
        }
        if (jfr != null && !results.isEmpty()) {
            JfrSession.JfrReport report = jfr.finish(results);
            warnings.addAll(report.warnings().stream().map(w -> "jfr: " + w).toList());
            out.println("zcbench: JFR recordings: " + report.recordings().size() + " in " + jfr.settings().getParent());
        }
        warnings.forEach(w -> out.println("zcbench: " + w));
        return warnings;
    }
}
