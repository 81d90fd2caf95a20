package zcbench.harness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import zcbench.harness.env.Environment;
import zcbench.harness.plan.Plan;
import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Timing;
import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.Profiling;
import zcbench.harness.run.RunFolder;
import zcbench.harness.sink.SinkNetwork;
import zcbench.profiles.async.FlameMode;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a plan, row by row, and writes a new folder results/<date-time>-<plan>/ with jmh.json,"
                + " speedup.csv, speedup.md, report.html and env.json; results/latest points at it.",
            "",
            "Plans (times on a 2-core machine):",
            "  seed   the RFC's rows at 65435 bytes (9 rows, about 2.5 min)",
            "  sizes  copy, msg_zerocopy, uring_zc, uring_zc_fixed at 4096, 16384, 65435 bytes (12 rows, about 3 min)",
            "  full   every meaningful combination (72 rows, about 18 min)",
            "  smoke  the five variants once each, as short as JMH allows (about 15 s)",
            "Each row: 3 warm-up and 10 measured iterations of 1 s in one fork, chosen so that its 99.9% error is"
                + " under 5% of its score on a quiet 2-core machine; a row above that is marked NOISY as it finishes."},
        footer = {"", "Other arguments are JMH options and override the plan's: e.g. -f 3 -i 10 -prof gc -p cpu=0."})
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
        folder.writeEnv(Environment.capture());
        folder.pointLatest();
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
        console.printf("zcbench: plan %s, %d rows on %s, about %d s; results in %s%n", spec.id(), spec.rows().size(),
                effectiveTarget, spec.estimatedSeconds(), folder.dir());
        Profiling profiling = Profiling.prepare(flameMode, jfr, folder.dir(), console);
        PlanRunner.Outcome outcome = new PlanRunner(spec, effectiveTarget, jmh, folder, profiling, verbose, console)
                .run();
        profiling.finish(outcome.results(), console);
        if (!outcome.results().isEmpty()) {
            Reports.write(folder, console);
        }
        if (!outcome.failures().isEmpty()) {
            console.printf("zcbench: %d of %d rows failed (see %s):%n", outcome.failures().size(), chosen.rows().size(),
                    folder.dir().resolve("failures.txt"));
            for (PlanRunner.Failure f : outcome.failures()) {
                console.println("  " + f.row().label() + ": " + f.reason());
            }
            return 1;
        }
        return 0;
    }
}
