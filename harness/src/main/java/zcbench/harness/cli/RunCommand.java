package zcbench.harness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import zcbench.harness.bench.DeclaredParams;
import zcbench.harness.env.RunEnvironment;
import zcbench.harness.plan.Plan;
import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.RowSelection;
import zcbench.harness.plan.Timing;
import zcbench.harness.report.Reports;
import zcbench.harness.report.RunSummary;
import zcbench.harness.run.Busy;
import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.Profiling;
import zcbench.harness.run.Rerun;
import zcbench.harness.run.RowNeeds;
import zcbench.harness.run.RunFolder;
import zcbench.harness.run.RunLock;
import zcbench.harness.run.RunSettings;
import zcbench.harness.run.RunStop;
import zcbench.harness.run.TrialOrder;
import zcbench.harness.run.Waiting;
import zcbench.harness.targets.TargetChoice;
import zcbench.profiles.async.FlameMode;
import zcbench.profiles.events.KernelEventsProfiler;
import zcbench.variants.Requirements;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = {
            "zcbench run [--plan PLAN] [-p NAME=V1[,V2...]]... [--target TARGET]",
            "                   [--dry-run] [OPTIONS] [JMH OPTIONS]",
            "   or: zcbench run --rerun noisy|failed RUN_FOLDER [OPTIONS] [JMH OPTIONS]"},
        // The description comes from RunUsage.description(), computed from the plans (ZcbenchCommand.commandLine).
        footer = {"", "Other arguments are JMH options and override the plan's timing: e.g. -f 3 -i 20 -wi 5"
                + " -r 500ms -prof gc. zcbench --jmh-help lists them.",
            "", "Examples:",
            "  zcbench run -p variant=uring_zc_fixed -p batch=1,8 -p payload=16384",
            "  zcbench run --plan sizes -p payload=4096 --dry-run",
            "  zcbench run --rerun noisy results/latest -i 20"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {ExitStatus.DONE + ":every row measured (or nothing to do)",
            ExitStatus.FAILED + ":a row failed (" + ResultFiles.FAILURES + " says why)",
            ExitStatus.USAGE + ":bad input: the message says what was wrong; nothing ran",
            ExitStatus.BUSY + ":another run holds the machine"})
public final class RunCommand implements Callable<Integer> {
    /** How long a run waits for another to finish, unless --wait-limit says otherwise. */
    static final String DEFAULT_WAIT_LIMIT_MINUTES = "60";
    /** The shortest --wait-limit; not waiting at all is --no-wait. */
    static final int MIN_WAIT_LIMIT_MINUTES = 1;
    /** --rerun's two values: which rows, then the run folder. */
    static final int RERUN_WHICH = 0;
    static final int RERUN_FOLDER = 1;
    /** The plan's name for rows made from -p alone. */
    static final String CUSTOM_PLAN = "custom";
    /** Warm-up added for --flame to a plan without one: enough for the JIT to be done with the send path. */
    static final int FLAME_WARMUP_ITERATIONS = 2;
    /** The shortest iteration, warm-up or measured, that --flame samples. */
    static final Duration FLAME_ITERATION = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", paramLabel = "PLAN",
            description = "seed, sizes, full, modern, crossover, v5, jvm, jvm-tcp or smoke (above). Default: seed, or,"
                    + " with -p, the rows -p makes.")
    String plan;

    @Option(names = "--target", defaultValue = Knobs.TARGET_SINK, paramLabel = "TARGET",
            description = "sink (a namespace with an ifb device that frees every packet; needs root), forward (through"
                    + " a router namespace to such a sink), peer (to a receiver that checks every packet, in a"
                    + " namespace of its own), loopback (127.0.0.1, where every zero-copy send is copied at"
                    + " delivery), or a receiver's udp://ADDR:PORT or tcp://ADDR:PORT (loopback, 198.18.0.0/15 or"
                    + " 2001:2::/48 only)."
                    + " -p target=TARGET says the same. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--dry-run", description = "Print the rows, in order, with the time each will take, and exit.")
    boolean dryRun;

    @Option(names = "--rerun", arity = "2", hideParamSyntax = true, paramLabel = "noisy|failed RUN_FOLDER",
            description = "Run again, in a new run folder and with the same settings, the rows of RUN_FOLDER whose"
                    + " error was above 5%% of their score (noisy) or that have no result (failed).")
    List<String> rerun;

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

    @Option(names = "--events", description = "Kernel tracepoints (io_uring submits and completions, task work,"
            + " device transmits, skb frees, syscalls) counted with perf stat on the sending CPUs over the measured"
            + " iterations, per packet: speedup.csv's events_* columns and the report's event table.")
    boolean events;

    @Mixin
    OrderOptions order;

    @Option(names = "--no-wait", description = "When another zcbench run holds the machine, do not wait: exit with"
            + " status " + ExitStatus.BUSY + ". Nor does a row wait for a JMH run that is not zcbench's.")
    boolean noWait;

    @Option(names = "--wait-limit", paramLabel = "MINUTES", defaultValue = DEFAULT_WAIT_LIMIT_MINUTES,
            description = "How long to wait for another run (or a JMH run that is not zcbench's) to finish"
                    + " (default: ${DEFAULT-VALUE}).")
    int waitLimitMinutes;

    @Option(names = {"-v", "--verbose"}, description = "Show JMH's own output (on stderr) instead of writing it to"
            + " jmh.log.")
    boolean verbose;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    /** Tables and dry-run rows: stdout when the command runs. */
    private PrintStream data;
    /** Progress and warnings: stderr when the command runs. */
    private PrintStream progress;

    /** What to run, once every input has been checked: the plan as asked, before JMH's options time it. */
    private record Request(PlanSpec spec, String target, List<String> jmhArgs, CommandLineOptions jmh,
                           FlameMode flame, boolean jfr, boolean events, Map<String, List<String>> selection,
                           String rerunOf) {
        /** What plan.json records, for --rerun to repeat. */
        RunSettings settings() {
            return new RunSettings(spec.id(), target, spec.timing(), jmhArgs, flame == null ? null : flame.cliName(),
                    jfr, events, selection, rerunOf, spec.rows().stream().map(Row::knobs).toList());
        }
    }

    @Override
    public Integer call() {
        data = System.out;
        progress = System.err;
        Request request = validateRequest();
        if (request == null) {
            return ExitStatus.DONE;
        }
        TrialOrder trialOrder = order.choose(request.flame() != null || request.jfr(), progress);
        PlanSpec plan = expandPlan(request);
        if (dryRun) {
            return printDryRun(request, plan);
        }
        try (RunLock lock = takeRunLock(plan)) {
            String target = TargetChoice.forRun(request.target(), progress);
            // Asked once the lock is held (the probe must not disturb a measuring run), before anything is made.
            RowNeeds.noneRuns(RowNeeds.of(plan.rows(), target, Requirements.THIS_MACHINE), target).ifPresent(why -> {
                throw usage(why);
            });
            RunFolder folder = RunFolder.create(out, plan.id());
            // A signal from here on ends the run with the rows finished so far (docs/ARCHITECTURE.md).
            try (RunStop stop = RunStop.install(lock, progress)) {
                RunEnvironment env = recordRun(folder, request, plan, target, trialOrder);
                PlanRunner.Outcome outcome = runRows(request, plan, target, folder, lock, stop, trialOrder);
                if (outcome.stop() != PlanRunner.Stop.DISK_FULL) {
                    folder.writeEnv(env.finish());
                }
                Optional<String> noise = Reports.write(folder, outcome, data, progress);
                RunSummary.print(outcome, plan.rows().size(), folder, noise, progress);
                return outcome.failures().isEmpty() ? ExitStatus.DONE : ExitStatus.FAILED;
            }
        } catch (Busy e) {
            progress.println("zcbench: " + e.getMessage() + ".");
            return ExitStatus.BUSY;
        }
    }

    /** The plan as it will run: the rows asked for, timed by the JMH options given over the plan's own timing. */
    private static PlanSpec expandPlan(Request request) {
        PlanSpec asked = request.spec();
        return new PlanSpec(asked.id(), PlanRunner.timing(asked.timing(), request.jmh()), asked.rows());
    }

    /** The rows and their times on stdout; says on stderr when a run would fall back to loopback. */
    private int printDryRun(Request request, PlanSpec plan) {
        TargetChoice.sayForDryRun(request.target(), progress);
        data.print(DryRun.render(plan, request.target()));
        return ExitStatus.DONE;
    }

    /** The machine for this run alone: waits for the run that holds it, up to the wait limit. */
    private RunLock takeRunLock(PlanSpec plan) throws Busy {
        // Every row's time: which rows this machine skips is asked only once the lock is held, since asking probes
        // io_uring, which must not disturb a run that is measuring. The first row's progress corrects the estimate.
        RunLock.Holder me = RunLock.Holder.now(plan.id(), plan.rows().size(), plan.estimatedSeconds());
        return RunLock.acquire(RunLock.defaultFile(), me, waitLimit(), progress);
    }

    /**
     * env.json and plan.json in the new run folder, and results/latest pointed at it, before any row runs;
     * the environment, still open, is finished when the rows are done.
     */
    private RunEnvironment recordRun(RunFolder folder, Request request, PlanSpec plan, String target,
                                     TrialOrder trialOrder) {
        String timing = plan.timing().describe() + (request.jmhArgs().isEmpty() ? ""
                : "; JMH options given: " + String.join(" ", request.jmhArgs()));
        RunEnvironment env = RunEnvironment.capture(plan.id(), timing, target,
                spec.commandLine().getParseResult().originalArgs());
        trialOrder.record(env.fields());
        folder.writeEnv(env.fields());
        folder.writeText(ResultFiles.PLAN_JSON, request.settings().toJson());
        folder.pointLatest();
        env.startRows();
        return env;
    }

    /** Says what runs where, then runs every row, each its own JMH run, with the profilers asked for. */
    private PlanRunner.Outcome runRows(Request request, PlanSpec plan, String target, RunFolder folder,
                                       RunLock lock, RunStop stop, TrialOrder trialOrder) {
        Profiling profiling = Profiling.prepare(request.flame(), request.jfr(), request.events(), folder.dir(),
                progress);
        PlanRunner.Outcome outcome = new PlanRunner(plan, target, request.jmh(), folder, profiling, verbose,
                progress, waitLimit(), lock::expectEndIn).stoppedBy(stop::signalled).inOrder(trialOrder).run();
        if (outcome.stop() != PlanRunner.Stop.DISK_FULL) {
            profiling.finish(outcome.results(), progress);
        }
        return outcome;
    }

    /** How long to wait for another run: not at all with --no-wait. */
    private Duration waitLimit() {
        return noWait ? Duration.ZERO : Duration.ofMinutes(waitLimitMinutes);
    }

    /**
     * Checks every input before anything runs, and makes the rows asked for; null when a rerun finds none to
     * run (it says so). A rerun's rows come before its JMH options are checked: a folder with nothing to run
     * again needs none.
     */
    private Request validateRequest() {
        if (waitLimitMinutes < MIN_WAIT_LIMIT_MINUTES) {
            throw usage("--wait-limit " + waitLimitMinutes + " is not a number of minutes, " + MIN_WAIT_LIMIT_MINUTES
                    + " or more; --no-wait does not wait at all");
        }
        String noEvents = events ? KernelEventsProfiler.missing() : null;
        if (noEvents != null) {
            throw usage(noEvents);
        }
        FlameMode flameMode = null;
        if (flame != null) {
            try {
                flameMode = FlameMode.parse(flame);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        JmhArgs args = JmhArgs.split(jmhArgs);
        if (rerun != null) {
            return rerunRequest(args, flameMode);
        }
        String runTarget = runTarget(args.rowParams().remove(Knobs.TARGET));
        CommandLineOptions jmh = parseJmh(args.rest());
        RowSelection selection;
        List<Row> rows;
        Plan chosen;
        try {
            selection = RowSelection.of(args.rowParams(), DeclaredParams.ofSend().keySet());
            if (plan != null) {
                chosen = Plan.of(plan);
                rows = selection.isEmpty() ? chosen.rows() : selection.filter(chosen.id(), chosen.rows());
            } else if (selection.isEmpty()) {
                chosen = Plan.SEED;
                rows = chosen.rows();
            } else {
                chosen = null;
                rows = selection.custom();
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String id = chosen == null ? CUSTOM_PLAN : chosen.id();
        Timing timing = chosen == null ? Plan.SEED.timing() : chosen.timing();
        PlanSpec spec = withFlameWarmup(new PlanSpec(id, timing, rows), flameMode);
        return new Request(spec, runTarget, args.rest(), jmh, flameMode, jfr, events, selection.asMap(), null);
    }

    /**
     * The run's one target: {@code --target}, or {@code -p target=}, its synonym (the target is not a row
     * parameter: every row of a run sends to the same place, and its key ends with it).
     *
     * @param fromP the values of {@code -p target=}, null when it was not given
     */
    private String runTarget(List<String> fromP) {
        try {
            return TargetChoice.ofOptions(target, spec.commandLine().getParseResult().hasMatchedOption("--target"),
                    fromP);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private Request rerunRequest(JmhArgs args, FlameMode flameMode) {
        if (plan != null || !args.rowParams().isEmpty() || flameMode != null || jfr || events
                || spec.commandLine().getParseResult().hasMatchedOption("--target")) {
            throw usage("--rerun repeats the settings of its run folder; leave out --plan, -p, --target, --flame,"
                    + " --jfr and --events (JMH options such as -i or -f replace the run's own)");
        }
        Rerun.Which which;
        RunSettings settings;
        List<Row> rows;
        Path folder = Path.of(rerun.get(RERUN_FOLDER));
        try {
            which = Rerun.Which.of(rerun.get(RERUN_WHICH));
            settings = RunSettings.read(folder);
            // A plan.json is a file anyone may edit: its target passes the same check as --target's.
            TargetChoice.check(settings.target());
            rows = Rerun.rows(which, folder, settings);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (rows.isEmpty()) {
            progress.println("zcbench: " + folder + " has no " + which.id() + " rows" + (which == Rerun.Which.NOISY
                    ? " (every error is within 5% of its score, or unknown)" : " (every row has a result)")
                    + "; nothing to run.");
            return null;
        }
        List<String> jmhArgs = JmhArgs.override(settings.jmhArgs(), args.rest());
        CommandLineOptions jmh = parseJmh(jmhArgs);
        FlameMode flameOfRun;
        try {
            flameOfRun = settings.flame() == null ? null : FlameMode.parse(settings.flame());
        } catch (IllegalArgumentException e) {
            throw usage(folder.resolve(ResultFiles.PLAN_JSON) + ": " + e.getMessage());
        }
        String noEvents = settings.events() ? KernelEventsProfiler.missing() : null;
        if (noEvents != null) {
            throw usage(folder.resolve(ResultFiles.PLAN_JSON) + " asks for --events, and " + noEvents);
        }
        String id = settings.plan() + "-rerun-" + which.id();
        PlanSpec spec = new PlanSpec(id, settings.timing(), rows);
        return new Request(spec, settings.target(), jmhArgs, jmh, flameOfRun, settings.jfr(), settings.events(),
                settings.selection(), folder.toAbsolutePath().normalize().toString());
    }

    /**
     * A cold fork spends its first second compiling: its graph would show the JIT, not the send
     * path. JMH options given by the user still win (PlanRunner).
     */
    private PlanSpec withFlameWarmup(PlanSpec spec, FlameMode flameMode) {
        if (flameMode == null || spec.timing().warmupIterations() > 0) {
            return spec;
        }
        Timing t = spec.timing();
        progress.println("zcbench: --flame: plan " + spec.id() + " has no warm-up; adding " + FLAME_WARMUP_ITERATIONS
                + " x " + Waiting.format(FLAME_ITERATION) + " so the graphs show the steady state, not the JIT"
                + " compiler");
        int iterationMillis = Math.toIntExact(FLAME_ITERATION.toMillis());
        return new PlanSpec(spec.id(), new Timing(t.forks(), FLAME_WARMUP_ITERATIONS, iterationMillis,
                t.measurementIterations(), Math.max(t.measurementMillis(), iterationMillis)), spec.rows());
    }

    private CommandLineOptions parseJmh(List<String> args) {
        try {
            CommandLineOptions jmh = new CommandLineOptions(args.toArray(String[]::new));
            if (!jmh.getIncludes().isEmpty()) {
                throw usage("'" + String.join(" ", jmh.getIncludes()) + "' is not an option of run, which measures "
                        + "UdpSendBenchmark; other benchmarks run with java -jar harness/target/benchmarks.jar REGEX");
            }
            return jmh;
        } catch (CommandLineOptionException e) {
            throw usage("not a JMH option: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
