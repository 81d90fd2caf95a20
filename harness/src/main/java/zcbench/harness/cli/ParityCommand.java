package zcbench.harness.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import org.openjdk.jmh.runner.options.OptionsBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import zcbench.harness.bench.CpuChoice;
import zcbench.harness.env.RunEnvironment;
import zcbench.harness.parity.CCommand;
import zcbench.harness.parity.ParityTable;
import zcbench.harness.parity.ParityTrials;
import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.RowSelection;
import zcbench.harness.plan.Timing;
import zcbench.harness.run.Busy;
import zcbench.harness.run.ParityRun;
import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.Profiling;
import zcbench.harness.run.RunFolder;
import zcbench.harness.run.RunLock;
import zcbench.harness.run.TrialOrder;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

@Command(name = "parity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures each RFC row beside the C tool it maps onto (docs/C-TOOLS.md, \"The same row as a C run\"):"
                + " copy and msg_zerocopy at batch 1 beside the kernel selftest msg_zerocopy, uring_send, uring_zc"
                + " and uring_zc_fixed at batch 1 and 8 beside liburing's send-zerocopy, at each payload given. Both"
                + " sides send to a sink (an ifb device that frees every packet) from the same CPU (cpu=last), and"
                + " each C run is one more trial in the same randomized rounds as the zcbench rows, so a row's two"
                + " sides ran seconds apart in every round. Writes a run folder with parity.csv (zcbench / C per"
                + " row with its 99.9%% interval over the rounds), trials.csv, jmh.json and env.json, and prints"
                + " the table. zcbench never builds or ships C: give your own builds."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {ExitStatus.DONE + ":every row measured on both sides",
            ExitStatus.FAILED + ":a row failed (parity.csv's failure says why)",
            ExitStatus.USAGE + ":bad input: the message says what was wrong; nothing ran",
            ExitStatus.BUSY + ":another run holds the machine"})
public final class ParityCommand implements Callable<Integer> {
    /** Warm-up of each zcbench fork, so that it measures the steady state the C tool starts in. */
    static final int WARMUP_ITERATIONS = 2;
    private static final int ITERATION_MILLIS = 1000;
    /** How long a C run may take beyond its own time before it is killed. */
    private static final int C_GRACE_SECONDS = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--msg-zerocopy", required = true, paramLabel = "PATH",
            description = "Your build of the kernel selftest tools/testing/selftests/net/msg_zerocopy.c.")
    Path msgZerocopy;

    @Option(names = "--send-zerocopy", required = true, paramLabel = "PATH",
            description = "Your build of liburing's examples/send-zerocopy.c.")
    Path sendZerocopy;

    @Option(names = "--payload", split = ",", defaultValue = "65435,4096", paramLabel = "BYTES",
            description = "Payloads to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> payloads;

    @Option(names = "--rounds", defaultValue = "4", paramLabel = "N",
            description = "Rounds, each running every row once on each side (default: ${DEFAULT-VALUE}; 2 or more).")
    int rounds;

    @Option(names = "--seconds", defaultValue = "3", paramLabel = "S",
            description = "Each C run's -t and each zcbench fork's measured seconds (1 s iterations, after "
                    + WARMUP_ITERATIONS + " s of warm-up); default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the rounds' order (printed, kept in"
            + " env.json): the same seed, the same order.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        check();
        List<Row> rows = new ArrayList<>();
        List<CCommand> commands = new ArrayList<>();
        for (int payload : payloads) {
            for (Variant v : Variant.rfcVariants()) {
                // The selftest sends one packet per loop: its rows have batch 1 only.
                for (int batch : v.ring() ? List.of(1, 8) : List.of(1)) {
                    Row row = Row.of(v, payload, batch, false, true);
                    rows.add(row);
                    commands.add(CCommand.of(row).orElseThrow());
                }
            }
        }
        PlanSpec plan = new PlanSpec("parity", new Timing(1, WARMUP_ITERATIONS, ITERATION_MILLIS, seconds,
                ITERATION_MILLIS), rows);
        TrialOrder order = seed == null ? TrialOrder.freshRounds() : TrialOrder.rounds(seed);
        int cpu = CpuChoice.senders(Knobs.CPU.defaultValue(), 1)[0];
        long estimate = (long) rounds * rows.size() * (plan.estimatedSecondsPerRow() + seconds + 1);
        try (RunLock lock = RunLock.acquire(RunLock.defaultFile(), RunLock.Holder.now(plan.id(), rows.size(),
                estimate), Duration.ofMinutes(Long.parseLong(RunCommand.DEFAULT_WAIT_LIMIT_MINUTES)), err)) {
            RunFolder folder = RunFolder.create(out, plan.id());
            RunEnvironment env = RunEnvironment.capture(plan.id(), plan.timing().describe() + "; C runs of " + seconds
                    + " s", "sink", spec.commandLine().getParseResult().originalArgs());
            order.record(env.fields());
            List<String> versions = List.of(version(msgZerocopy), version(sendZerocopy));
            env.fields().put("c_tools", versions);
            folder.writeEnv(env.fields());
            folder.pointLatest();
            env.startRows();
            err.printf("zcbench: parity, %d rows x 2 sides x %d rounds, seed %d (--seed %d repeats the order),"
                    + " sender and C tools on CPU %d; results in %s%n", rows.size(), rounds, order.seed(),
                    order.seed(), cpu, folder.dir());
            Profiling profiling = Profiling.prepare(null, false, false, folder.dir(), err);
            PlanRunner runner = new PlanRunner(plan, "sink", new OptionsBuilder().build(), folder, profiling, false, err,
                    Duration.ofMinutes(Long.parseLong(RunCommand.DEFAULT_WAIT_LIMIT_MINUTES)), lock::expectEndIn);
            List<ParityRun.Measured> measured = ParityTrials.run(runner, order, rounds, rows, commands,
                    new ParityTrials.Tools(msgZerocopy, sendZerocopy, cpu, seconds, C_GRACE_SECONDS));
            ParityTable table = ParityTable.of(measured, commands.stream().map(CCommand::describe).toList(),
                    rows.stream().map(r -> r.key("sink")).toList());
            folder.writeText(ResultFiles.PARITY_CSV, table.csv());
            folder.writeEnv(env.finish());
            System.out.print(table.text());
            versions.forEach(v -> System.out.println("C tool: " + v));
            return measured.stream().anyMatch(m -> m.failure() != null) ? ExitStatus.FAILED : ExitStatus.DONE;
        } catch (Busy e) {
            err.println("zcbench: " + e.getMessage() + ".");
            return ExitStatus.BUSY;
        }
    }

    private void check() {
        for (Path p : List.of(msgZerocopy, sendZerocopy)) {
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw usage(p + " is not an executable file; give your build of the C tool");
            }
        }
        if (rounds < 2) {
            throw usage("--rounds " + rounds + " gives no interval over rounds; give 2 or more");
        }
        if (seconds < 1) {
            throw usage("--seconds " + seconds + " is not a number of seconds, 1 or more");
        }
        for (int p : payloads) {
            String problem = Knobs.PAYLOAD.problem(Integer.toString(p), RowSelection.ALLOWED_CPUS);
            if (problem != null) {
                throw usage("--payload '" + p + "' is " + problem);
            }
        }
    }

    /**
     * What can be read of a C tool's version: neither prints one, so its path and the SHA-256 of the binary, which
     * names the build exactly.
     */
    static String version(Path binary) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(binary));
            return binary.toAbsolutePath() + " sha256 " + HexFormat.of().formatHex(digest)
                    + " (the tool prints no version)";
        } catch (IOException | NoSuchAlgorithmException e) {
            return binary.toAbsolutePath() + " (unreadable: " + e.getMessage() + ")";
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
