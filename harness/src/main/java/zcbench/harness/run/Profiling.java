package zcbench.harness.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

import zcbench.harness.plan.Row;
import zcbench.profiles.async.FlameMode;
import zcbench.profiles.async.FlameReport;
import zcbench.profiles.async.FlameSession;
import zcbench.profiles.cpu.CpuCostProfiler;
import zcbench.profiles.jfr.JfrSession;

/**
 * The profilers of a run: async-profiler flame graphs and JFR on request, the CPU-cost profiler
 * always. zcbench sets the forks' profiling options; the user only names the flag.
 */
public final class Profiling implements PlanRunner.RowOptions {
    private final FlameSession flame;
    private final JfrSession jfr;

    private Profiling(FlameSession flame, JfrSession jfr) {
        this.flame = flame;
        this.jfr = jfr;
    }

    /** Prepares the sessions and says, before anything runs, whether kernel frames will come. */
    public static Profiling prepare(FlameMode flameMode, boolean jfr, Path runDir, PrintStream out) {
        FlameSession flame = flameMode == null ? null : FlameSession.prepare(flameMode, runDir);
        if (flame != null) {
            out.println("zcbench: flame graphs: " + flame.preflight().message());
        }
        return new Profiling(flame, jfr ? JfrSession.prepare(runDir) : null);
    }

    @Override
    public List<String> forkJvmArgs() {
        return flame == null ? List.of() : flame.forkJvmArgs();
    }

    @Override
    public void apply(Row row, ChainedOptionsBuilder builder) {
        if (flame != null) {
            builder.addProfiler(flame.profilerClass(), flame.profilerOptions());
        }
        if (jfr != null) {
            builder.addProfiler(jfr.profilerClass(), jfr.profilerOptions());
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
