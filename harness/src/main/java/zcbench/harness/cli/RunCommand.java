package zcbench.harness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import zcbench.harness.bench.DeclaredParams;
import zcbench.harness.env.CpuTimes;
import zcbench.harness.env.Environment;
import zcbench.harness.plan.Plan;
import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Row;
import zcbench.harness.plan.RowSelection;
import zcbench.harness.plan.Timing;
import zcbench.harness.run.Busy;
import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.Profiling;
import zcbench.harness.run.Rerun;
import zcbench.harness.run.RunFolder;
import zcbench.harness.run.RunLock;
import zcbench.harness.run.RunSettings;
import zcbench.harness.run.Waiting;
import zcbench.harness.sink.SinkNetwork;
import zcbench.profiles.async.FlameMode;
import zcbench.vocabulary.ResultFiles;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = {
            "zcbench run [--plan PLAN] [-p NAME=V1[,V2...]]... [--target TARGET]",
            "                   [--dry-run] [OPTIONS] [JMH OPTIONS]",
            "   or: zcbench run --rerun noisy|failed RUN_FOLDER [OPTIONS] [JMH OPTIONS]"},
        // The description comes from description(), computed from the plans (ZcbenchCommand.commandLine).
        footer = {"", "Other arguments are JMH options and override the plan's timing: e.g. -f 3 -i 20 -wi 5"
                + " -r 500ms -prof gc. zcbench --jmh-help lists them.",
            "", "Examples:",
            "  zcbench run -p variant=uring_zc_fixed -p batch=1,8 -p payload=16384",
            "  zcbench run --plan sizes -p payload=4096 --dry-run",
            "  zcbench run --rerun noisy results/latest -i 20"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every row measured (or nothing to do)", "1:a row failed (failures.txt says why)",
            "2:bad input: the message says what was wrong; nothing ran", "3:another run holds the machine"})
public final class RunCommand implements Callable<Integer> {
    /** Exit status when another run holds the machine and this one does not wait (or waits too long). */
    public static final int BUSY = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", paramLabel = "PLAN",
            description = "seed, sizes, full or smoke. Default: seed, or, with -p, the rows -p makes.")
    String plan;

    @Option(names = "--target", defaultValue = "sink", paramLabel = "TARGET",
            description = "sink (a namespace with an ifb device that frees every packet; needs root) or loopback"
                    + " (127.0.0.1, where every zero-copy send is copied at delivery). Default: ${DEFAULT-VALUE}.")
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

    @Option(names = "--no-wait", description = "When another zcbench run holds the machine, do not wait: exit with"
            + " status 3. Nor does a row wait for a JMH run that is not zcbench's.")
    boolean noWait;

    @Option(names = "--wait-limit", paramLabel = "MINUTES", defaultValue = "60",
            description = "How long to wait for another run (or a JMH run that is not zcbench's) to finish"
                    + " (default: ${DEFAULT-VALUE}).")
    int waitLimitMinutes;

    @Option(names = {"-v", "--verbose"}, description = "Show JMH's own output (on stderr) instead of writing it to"
            + " jmh.log.")
    boolean verbose;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    /** What to run, once every input has been checked. */
    private record Request(PlanSpec spec, String target, List<String> jmhArgs, CommandLineOptions jmh,
                           FlameMode flame, boolean jfr, Map<String, List<String>> selection, String rerunOf) {
    }

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
        lines.addAll(List.of("",
            "Rows: -p NAME=V1,V2 keeps the plan's rows with those values; without --plan it makes the rows itself:"
                + " every meaningful combination of the values given, other knobs at their defaults. Row parameters:"
                + " variant, payload (16..65507), batch (1..256), flush (true|false: uring_zc*), ubuf_cache (on|off:"
                + " zero-copy variants), poll (true|false: copy, msg_zerocopy), verify (true|false), cpu (last, -1 or"
                + " a CPU number). A knob applies to the variants it means something for; rows of other variants stay"
                + " only when named with -p variant=. Every value is checked before anything runs.",
            "",
            "One run at a time: a run waits for the one that holds the machine (saying which, and about how long it"
                + " has left), or with --no-wait does not start.",
            ""));
        // picocli formats each line with String.format.
        return lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    }

    @Override
    public Integer call() {
        PrintStream data = System.out;
        PrintStream progress = System.err;
        Request request = request(progress);
        if (request == null) {
            return 0;
        }
        PlanSpec plan = request.spec();
        Timing timing = PlanRunner.timing(plan.timing(), request.jmh());
        PlanSpec effective = new PlanSpec(plan.id(), timing, plan.rows());
        if (dryRun) {
            if (request.target().equals("sink") && SinkNetwork.unavailableReason() != null) {
                progress.println("zcbench: no sink here (" + SinkNetwork.unavailableReason() + "); a run would fall back"
                        + " to loopback.");
            }
            data.print(DryRun.render(effective, request.target()));
            return 0;
        }
        Duration waitLimit = noWait ? Duration.ZERO : Duration.ofMinutes(waitLimitMinutes);
        RunLock.Holder me = RunLock.Holder.now(plan.id(), plan.rows().size(), effective.estimatedSeconds());
        try (RunLock lock = RunLock.acquire(RunLock.defaultFile(), me, waitLimit, progress)) {
            return run(request, effective, lock, waitLimit, data, progress);
        } catch (Busy e) {
            progress.println("zcbench: " + e.getMessage() + ".");
            return BUSY;
        }
    }

    private int run(Request request, PlanSpec effective, RunLock lock, Duration waitLimit, PrintStream data,
                    PrintStream progress) {
        String target = request.target();
        if (target.equals("sink")) {
            String reason = SinkNetwork.unavailableReason();
            if (reason != null) {
                progress.println("zcbench: no sink: " + reason + ".");
                progress.println("zcbench: falling back to loopback, where every zero-copy send is copied at delivery;"
                        + " the copied column shows it.");
                target = "loopback";
            }
        }
        PlanSpec plan = request.spec();
        RunFolder folder = RunFolder.create(out, plan.id());
        Map<String, Object> env = Environment.capture();
        env.put("plan", plan.id());
        env.put("plan_timing", effective.timing().describe() + (request.jmhArgs().isEmpty() ? ""
                : "; JMH options given: " + String.join(" ", request.jmhArgs())));
        env.put("target", target);
        env.put("zcbench_arguments", String.join(" ", this.spec.commandLine().getParseResult().originalArgs()
                .stream().map(Environment::quote).toList()));
        folder.writeEnv(env);
        folder.writeText(ResultFiles.PLAN_JSON, new RunSettings(plan.id(), request.target(), plan.timing(),
                request.jmhArgs(), request.flame() == null ? null : request.flame().cliName(), request.jfr(),
                request.selection(), request.rerunOf(), plan.rows().stream().map(Row::params).toList()).toJson());
        folder.pointLatest();
        Optional<CpuTimes> cpuAtStart = CpuTimes.now();
        progress.printf("zcbench: plan %s, %d %s on %s, about %s; results in %s%n", plan.id(), plan.rows().size(),
                plan.rows().size() == 1 ? "row" : "rows", target,
                Waiting.format(Duration.ofSeconds(effective.estimatedSeconds())), folder.dir());
        Profiling profiling = Profiling.prepare(request.flame(), request.jfr(), folder.dir(), progress);
        PlanRunner.Outcome outcome = new PlanRunner(effective, target, request.jmh(), folder, profiling, verbose,
                progress, waitLimit, lock::expectEndIn).run();
        profiling.finish(outcome.results(), progress);
        env.put("finished_at", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        cpuAtStart.flatMap(start -> CpuTimes.now().map(end -> end.stealPercentSince(start)))
                .filter(Double::isFinite)
                .ifPresent(steal -> env.put("steal_pct_during_run", Math.round(steal * 100) / 100.0));
        env.put("loadavg_at_end", Environment.loadAverage());
        folder.writeEnv(env);
        Optional<String> noise = outcome.results().isEmpty() ? Optional.empty()
                : Reports.write(folder, data, progress);
        if (outcome.noisy() > 0) {
            progress.println("zcbench: run the noisy rows again with: zcbench run --rerun noisy " + folder.dir());
        }
        if (!outcome.failures().isEmpty()) {
            progress.printf("zcbench: %d of %d rows failed (see %s):%n", outcome.failures().size(),
                    plan.rows().size(), folder.dir().resolve(ResultFiles.FAILURES));
            for (PlanRunner.Failure f : outcome.failures()) {
                progress.println("  " + f.row().label() + ": " + f.reason());
            }
            progress.println("zcbench: run them again with: zcbench run --rerun failed " + folder.dir());
        }
        // Last, so that it is the line a reader sees when the run ends.
        noise.ifPresent(n -> progress.println("zcbench: " + n));
        return outcome.failures().isEmpty() ? 0 : 1;
    }

    /** Checks every input before anything runs; null when there is nothing to run. */
    private Request request(PrintStream progress) {
        if (!target.equals("sink") && !target.equals("loopback")) {
            throw usage("unknown target '" + target + "'; one of: sink, loopback");
        }
        if (waitLimitMinutes < 1) {
            throw usage("--wait-limit " + waitLimitMinutes + " is not a number of minutes, 1 or more; --no-wait does"
                    + " not wait at all");
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
            return rerunRequest(args, flameMode, progress);
        }
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
        String id = chosen == null ? "custom" : chosen.id();
        Timing timing = chosen == null ? Plan.SEED.timing() : chosen.timing();
        PlanSpec spec = withFlameWarmup(new PlanSpec(id, timing, rows), flameMode, progress);
        return new Request(spec, target, args.rest(), jmh, flameMode, jfr, selection.asMap(), null);
    }

    private Request rerunRequest(JmhArgs args, FlameMode flameMode, PrintStream progress) {
        if (plan != null || !args.rowParams().isEmpty() || flameMode != null || jfr
                || spec.commandLine().getParseResult().hasMatchedOption("--target")) {
            throw usage("--rerun repeats the settings of its run folder; leave out --plan, -p, --target, --flame and"
                    + " --jfr (JMH options such as -i or -f replace the run's own)");
        }
        Rerun.Which which;
        RunSettings settings;
        List<Row> rows;
        Path folder = Path.of(rerun.get(1));
        try {
            which = Rerun.Which.of(rerun.get(0));
            settings = RunSettings.read(folder);
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
        String id = settings.plan() + "-rerun-" + which.id();
        PlanSpec spec = new PlanSpec(id, settings.timing(), rows);
        return new Request(spec, settings.target(), jmhArgs, jmh, flameOfRun, settings.jfr(), settings.selection(),
                folder.toAbsolutePath().normalize().toString());
    }

    /**
     * A cold fork spends its first second compiling: its graph would show the JIT, not the send
     * path. JMH options given by the user still win (PlanRunner).
     */
    private static PlanSpec withFlameWarmup(PlanSpec spec, FlameMode flameMode, PrintStream progress) {
        if (flameMode == null || spec.timing().warmupIterations() > 0) {
            return spec;
        }
        Timing t = spec.timing();
        progress.println("zcbench: --flame: plan " + spec.id() + " has no warm-up; adding 2 x 1 s so the graphs"
                + " show the steady state, not the JIT compiler");
        return new PlanSpec(spec.id(), new Timing(t.forks(), 2, 1000, t.measurementIterations(),
                Math.max(t.measurementMillis(), 1000)), spec.rows());
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
