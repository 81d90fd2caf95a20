package zcbench.harness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import zcbench.harness.env.CpuTimes;
import zcbench.harness.env.Environment;
import zcbench.harness.plan.Plan;
import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Timing;
import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.Profiling;
import zcbench.harness.run.RunFolder;
import zcbench.harness.sink.SinkNetwork;
import zcbench.profiles.async.FlameMode;

/** {@code run}: its description lists every plan with its real timing, from the plans themselves ({@link #description()}). */
@Command(name = "run", mixinStandardHelpOptions = true,
        footer = {"", "Other arguments are JMH options and override the plan's: e.g. -f 5 -i 10 -prof gc -p cpu=0."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--plan", defaultValue = "seed", paramLabel = "PLAN",
            description = "seed, sizes, full or smoke (default: ${DEFAULT-VALUE}).")
    String plan;

    @Option(names = "--target", defaultValue = "sink", paramLabel = "TARGET",
            description = "sink (a namespace with an ifb device that frees every packet; needs root) or loopback"
                    + " (127.0.0.1, where every zero-copy send is copied at delivery). Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--flame", paramLabel = "MODE",
            description = "Flame graphs per row with async-profiler: cpu (with kernel frames when perf events allow),"
                    + " wall, alloc or lock. Writes flame/<row>.<mode>.html and .collapsed; with cpu also"
                    + " profile-summary.csv (where the time went).")
    String flame;

    @Option(names = "--jfr", description = "A JFR recording per row (jfr/<row>.jfr) with native samples and zcbench's"
            + " per-iteration events.")
    boolean jfr;

    @Option(names = {"-v", "--verbose"}, description = "Show JMH's own output instead of writing it to jmh.log.")
    boolean verbose;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    /** The usage text: what a run writes, and each plan with its timing and estimated duration. */
    public static String[] description() {
        List<String> lines = new ArrayList<>(List.of("Runs a plan, row by row, and writes a new folder "
                + "results/<date-time>-<plan>/ with jmh.json, speedup.csv, speedup.md, report.html, env.json and "
                + "jmh.log; results/latest points at it.", "", "Plans (durations estimated for a 2-core machine):"));
        for (Plan p : Plan.values()) {
            lines.add("  " + p.describe());
        }
        lines.add("Each measured row's 99.9% interval covers the variation between its forks; a row whose error is"
                + " above 5% of its score is NOISY, and the run ends with one line saying how many were and what to"
                + " do.");
        // picocli formats each line with String.format.
        return lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    }

    @Override
    public Integer call() {
        PrintStream console = System.out;
        Plan chosen;
        try {
            chosen = Plan.of(plan);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!target.equals("sink") && !target.equals("loopback")) {
            throw new ParameterException(spec.commandLine(), "unknown target '" + target + "'; one of: sink, loopback");
        }
        CommandLineOptions jmh;
        try {
            jmh = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new ParameterException(spec.commandLine(), "not a JMH option: " + e.getMessage());
        }
        String effectiveTarget = target;
        if (target.equals("sink")) {
            String reason = SinkNetwork.unavailableReason();
            if (reason != null) {
                console.println("zcbench: no sink: " + reason + ".");
                console.println("zcbench: falling back to loopback, where every zero-copy send is copied at delivery;"
                        + " the copied column shows it.");
                effectiveTarget = "loopback";
            }
        }
        FlameMode flameMode;
        try {
            flameMode = flame == null ? null : FlameMode.parse(flame);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RunFolder folder = RunFolder.create(out, chosen.id());
        PlanSpec spec = chosen.spec();
        if (flameMode != null && spec.timing().warmupIterations() == 0) {
            // A cold fork spends its first second compiling: its graph would show the JIT, not
            // the send path. JMH options given by the user still win (PlanRunner).
            Timing t = spec.timing();
            spec = new PlanSpec(spec.id(), new Timing(t.forks(), 2, 1000, t.measurementIterations(),
                    Math.max(t.measurementMillis(), 1000)), spec.rows());
            console.println("zcbench: --flame: plan " + spec.id() + " has no warm-up; adding 2 x 1 s so the graphs"
                    + " show the steady state, not the JIT compiler");
        }
        Map<String, Object> env = Environment.capture();
        env.put("plan", spec.id());
        env.put("plan_timing", spec.timing().describe() + (jmhArgs.isEmpty() ? "" : "; JMH options given: "
                + String.join(" ", jmhArgs)));
        env.put("target", effectiveTarget);
        env.put("zcbench_arguments", String.join(" ", this.spec.commandLine().getParseResult().originalArgs()
                .stream().map(Environment::quote).toList()));
        folder.writeEnv(env);
        folder.pointLatest();
        Optional<CpuTimes> cpuAtStart = CpuTimes.now();
        console.printf("zcbench: plan %s, %d rows on %s, about %s; results in %s%n", spec.id(), spec.rows().size(),
                effectiveTarget, PlanSpec.duration(spec.estimatedSeconds()), folder.dir());
        Profiling profiling = Profiling.prepare(flameMode, jfr, folder.dir(), console);
        PlanRunner.Outcome outcome = new PlanRunner(spec, effectiveTarget, jmh, folder, profiling, verbose, console)
                .run();
        profiling.finish(outcome.results(), console);
        env.put("finished_at", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        cpuAtStart.flatMap(start -> CpuTimes.now().map(end -> end.stealPercentSince(start)))
                .filter(Double::isFinite)
                .ifPresent(steal -> env.put("steal_pct_during_run", Math.round(steal * 100) / 100.0));
        env.put("loadavg_at_end", Environment.loadAverage());
        folder.writeEnv(env);
        Optional<String> noise = outcome.results().isEmpty() ? Optional.empty() : Reports.write(folder, console);
        if (!outcome.failures().isEmpty()) {
            console.printf("zcbench: %d of %d rows failed (see %s):%n", outcome.failures().size(), chosen.rows().size(),
                    folder.dir().resolve("failures.txt"));
            for (PlanRunner.Failure f : outcome.failures()) {
                console.println("  " + f.row().label() + ": " + f.reason());
            }
        }
        // Last, so that it is the line a reader sees when the run ends.
        noise.ifPresent(n -> console.println("zcbench: " + n));
        return outcome.failures().isEmpty() ? 0 : 1;
    }
}
