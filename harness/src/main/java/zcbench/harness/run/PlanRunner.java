package zcbench.harness.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import zcbench.harness.bench.CpuChoice;
import zcbench.harness.bench.DeclaredParams;
import zcbench.harness.bench.SendBenchmark;
import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Timing;
import zcbench.variants.Requirements;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;

/**
 * Runs a plan one row at a time, each row its own JMH run, so that progress can be shown, a row
 * that fails does not take the others with it, and {@code jmh.json} holds every finished row
 * at every moment. In rounds ({@link #inOrder}) {@link RoundsRun} runs it instead, one fork at a time.
 */
public final class PlanRunner {
    /** What every fork needs: FFM downcalls, and silence for JMH 1.37's use of Unsafe on 25. */
    public static final List<String> FORK_JVM_ARGS = SendBenchmark.FORK_JVM_ARGS;
    /** Indents a row's result or failure line under its "[i/n] label" line. */
    static final String UNDER_LABEL = "       ";

    /** A row that did not finish, and why. */
    public record Failure(Row row, String reason) {
    }

    /** A row this machine cannot measure, and the one sentence that says what it needs. */
    public record Skipped(Row row, String needs) {
    }

    /** Why a run ended before its last row: it did not, a signal stopped it, or its folder's disk is full. */
    public enum Stop { NONE, SIGNAL, DISK_FULL }

    /** Everything a run produced, and whether it was stopped. */
    public record Outcome(List<RunResult> results, List<Failure> failures, List<Skipped> skipped, Stop stop) {
        /** Results whose error is above the plans' aim. */
        public long noisy() {
            return results.stream().filter(r -> RowResult.of(r).noisy()).count();
        }
    }

    /** What a run adds to every row's JMH options: fork JVM arguments, and profilers per row. */
    public interface RowOptions {
        List<String> forkJvmArgs();

        void apply(Row row, ChainedOptionsBuilder builder);

        RowOptions NONE = new RowOptions() {
            @Override
            public List<String> forkJvmArgs() {
                return List.of();
            }

            @Override
            public void apply(Row row, ChainedOptionsBuilder builder) {
            }
        };
    }

    /** Hears, after each row, how many seconds the run now expects to take still. */
    public interface Progress {
        void remaining(long seconds);

        Progress NONE = seconds -> {
        };
    }

    final PlanSpec plan;
    final String target;
    final Options user;
    final RunFolder folder;
    private final RowOptions extra;
    final PrintStream out;
    /** Every JMH run of this run goes through it. */
    final JmhRuns jmh;
    final Progress progress;
    private final Set<String> declared;
    private Requirements.Machine machine = Requirements.THIS_MACHINE;
    private BooleanSupplier signalled = () -> false;
    private TrialOrder order = TrialOrder.ROWS;

    /**
     * @param out       progress lines (stderr: stdout is for data)
     * @param waitLimit how long a row waits for a JMH run that is not zcbench's to release JMH's lock
     */
    public PlanRunner(PlanSpec plan, String target, Options user, RunFolder folder, RowOptions extra, boolean verbose,
                      PrintStream out, Duration waitLimit, Progress progress) {
        this.plan = plan;
        this.target = target;
        this.user = user;
        this.folder = folder;
        this.extra = extra;
        this.out = out;
        this.progress = progress;
        this.declared = DeclaredParams.ofSend().keySet();
        this.jmh = new JmhRuns(user, folder.jmhLog(), verbose, out, waitLimit);
    }

    /** Another machine's features, for a test of what a kernel without them skips. */
    PlanRunner on(Requirements.Machine other) {
        machine = other;
        return this;
    }

    /** Starts no row once {@code signal} says a signal has come, and counts the row it stopped as stopped. */
    public PlanRunner stoppedBy(BooleanSupplier signal) {
        signalled = signal;
        return this;
    }

    /** Measures in this order; row by row, as JMH would, unless told otherwise. */
    public PlanRunner inOrder(TrialOrder trialOrder) {
        order = trialOrder;
        return this;
    }

    /** Whether a signal has come: no fork starts after it, and the one it stopped counts as stopped. */
    boolean signalled() {
        return signalled.getAsBoolean();
    }

    /** What a row or fork that failed with {@code e} means for the run, row by row or in rounds alike. */
    Failed failed(Throwable e) {
        return Failed.of(reason(e), signalled(), folder);
    }

    public Outcome run() {
        if (order.inRounds()) {
            return new RoundsRun(this, order).run();
        }
        List<RunResult> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Row> rows = plan.rows();
        long started = System.nanoTime();
        String stopped = null;
        Stop stop = Stop.NONE;
        StringBuilder perThread = new StringBuilder(ThreadResults.HEADER);
        List<Optional<String>> atStart = RowNeeds.of(rows, target, machine);
        announce(atStart);
        TrialLog trials = new TrialLog(folder);
        // The rows after each one that run by the answers at the start: what is left once it is done.
        int[] runningAfter = new int[rows.size()];
        for (int j = rows.size() - 2; j >= 0; j--) {
            runningAfter[j] = runningAfter[j + 1] + (atStart.get(j + 1).isEmpty() ? 1 : 0);
        }
        int forked = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (stopped == null && signalled()) {
                stop = Stop.SIGNAL;
                stopped = Failed.BY_SIGNAL;
            }
            if (stopped != null) {
                failures.add(new Failure(row, "not run: " + stopped));
                continue;
            }
            // Asked again just before the row: what the machine has can change during a run (free huge pages).
            Optional<String> needs = needs(row);
            long left = remaining(started, forked, runningAfter[i] + (needs.isEmpty() ? 1 : 0));
            progress.remaining(left);
            // The row by its key alone, its one name: the CSVs, compare and the flame and JFR files use it too.
            String which = "[" + (i + 1) + "/" + rows.size() + "] ";
            out.printf("%s%s  (about %s left)%n", which, row.key(target), Waiting.format(Duration.ofSeconds(left)));
            if (needs.isPresent()) {
                skipped.add(new Skipped(row, needs.get()));
                out.println(UNDER_LABEL + "SKIPPED: " + needs.get());
                continue;
            }
            forked++;
            try {
                Instant forkedAt = Instant.now();
                Collection<RunResult> finished = jmh.run(options(row), which + row.label() + ", target=" + target
                        + ": " + row.key(target));
                // Written before it is counted: a row jmh.json does not hold was not measured for the report.
                List<RunResult> upToThis = new ArrayList<>(results);
                upToThis.addAll(finished);
                folder.writeJmhJson(upToThis);
                results.addAll(finished);
                for (RunResult r : finished) {
                    int fork = 1;
                    for (BenchmarkResult f : r.getBenchmarkResults()) {
                        trials.add(fork++, i + 1, row.key(target), f, forkedAt, Instant.now());
                    }
                    out.println(UNDER_LABEL + RowResult.of(r).describe());
                    ThreadResults threads = ThreadResults.of(r);
                    if (threads.several()) {
                        perThread.append(threads.csv(row.key(target)));
                        folder.writeText(ResultFiles.THREADS_CSV, perThread.toString());
                        out.println(UNDER_LABEL + threads.describe());
                        if (sendersTakeEveryCpu(row)) {
                            out.println(UNDER_LABEL + Knobs.SHARED_CPU);
                        }
                    }
                }
            } catch (Busy e) {
                stopped = e.getMessage();
                failures.add(new Failure(row, "not run: " + stopped));
                out.println(UNDER_LABEL + "STOPPED: " + stopped);
            } catch (RunnerException | RuntimeException e) {
                Failed f = failed(e);
                stop = f.stop();
                stopped = f.stopped();
                failures.add(new Failure(row, f.reason()));
                out.println(UNDER_LABEL + (stop == Stop.NONE ? "FAILED: " : "STOPPED: ") + f.reason());
            }
        }
        if (stop == Stop.DISK_FULL) {
            return new Outcome(results, failures, skipped, stop); // nothing more can be written there
        }
        MissedRows.write(folder, failures, skipped);
        return new Outcome(results, failures, skipped, stop);
    }

    /** The run's first line: the plan, its rows here, about how long, and where the results go. */
    void announce(List<Optional<String>> atStart) {
        List<Row> rows = plan.rows();
        out.printf("zcbench: plan %s, %s, about %s; results in %s%n", plan.id(),
                RowNeeds.rowsOn(rows.size(), RowNeeds.running(atStart), target),
                Waiting.format(Duration.ofSeconds(plan.estimatedSeconds(RowNeeds.running(atStart)))), folder.dir());
    }

    /** What this machine lacks for the row now, in one sentence; empty when it can run. */
    Optional<String> needs(Row row) {
        return RowNeeds.of(row, target, machine);
    }

    /** What the rows need at the start of a run (RowNeeds), as this runner's machine answers. */
    List<Optional<String>> needsAtStart() {
        return RowNeeds.of(plan.rows(), target, machine);
    }

    /** Whether the row's senders leave no CPU for the fork's other threads (docs/ARCHITECTURE.md). */
    static boolean sendersTakeEveryCpu(Row row) {
        int[] senders = sendingCpus(row);
        return senders.length > 0 && CpuChoice.leftToOthers(senders).isEmpty();
    }

    /** The CPU each of the row's senders is pinned to, sender 0 first; none when unpinned. */
    static int[] sendingCpus(Row row) {
        return CpuChoice.senders(row.value(Knobs.CPU.name()), threads(row));
    }

    private static int threads(Row row) {
        return Integer.parseInt(Objects.requireNonNullElse(row.value(Knobs.THREADS.name()),
                Knobs.THREADS.defaultValue()));
    }

    /**
     * Seconds the {@code ahead} rows still to run will take: the plan's estimate until a row has forked, then
     * the pace of the {@code forked} so far, rounded up. Only rows that fork count: a skipped row takes no time.
     */
    private long remaining(long started, int forked, int ahead) {
        if (forked == 0) {
            return (long) plan.estimatedSecondsPerRow() * ahead;
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return Math.ceilDiv(elapsedMillis * ahead / forked, TimeUnit.SECONDS.toMillis(1));
    }

    /** The plan's timing with the user's JMH options over it: what the rows will take. */
    public static Timing timing(Timing plan, Options user) {
        return new Timing(user.getForkCount().orElse(plan.forks()),
                user.getWarmupIterations().orElse(plan.warmupIterations()),
                user.getWarmupTime().hasValue() ? millis(user.getWarmupTime().get()) : plan.warmupMillis(),
                user.getMeasurementIterations().orElse(plan.measurementIterations()),
                user.getMeasurementTime().hasValue() ? millis(user.getMeasurementTime().get())
                        : plan.measurementMillis());
    }

    private static int millis(TimeValue t) {
        return (int) Math.min(Integer.MAX_VALUE, t.convertTo(TimeUnit.MILLISECONDS));
    }

    Options options(Row row) {
        ChainedOptionsBuilder b = new OptionsBuilder().parent(user)
                .include(DeclaredParams.SEND)
                .shouldFailOnError(true);
        // Only what this build's benchmark has: JMH ignores a parameter a benchmark lacks, and a
        // knob being added (poll, verify) reaches the fork once the benchmark declares it.
        row.knobs().forEach((name, value) -> {
            if (declared.contains(name)) {
                b.param(name, value);
            }
        });
        b.param(Knobs.TARGET, target);
        // A sender per JMH thread, each with its own state (SendPath is Scope.Thread).
        b.threads(threads(row));
        Timing t = plan.timing();
        if (!user.getForkCount().hasValue()) {
            b.forks(t.forks());
        }
        if (!user.getWarmupIterations().hasValue()) {
            b.warmupIterations(t.warmupIterations());
        }
        if (!user.getWarmupTime().hasValue()) {
            b.warmupTime(TimeValue.milliseconds(t.warmupMillis()));
        }
        if (!user.getMeasurementIterations().hasValue()) {
            b.measurementIterations(t.measurementIterations());
        }
        if (!user.getMeasurementTime().hasValue()) {
            b.measurementTime(TimeValue.milliseconds(t.measurementMillis()));
        }
        // jvmArgsAppend given here replaces the benchmark's annotation, so it carries everything.
        List<String> jvm = new ArrayList<>(FORK_JVM_ARGS);
        jvm.addAll(extra.forkJvmArgs());
        if (user.getJvmArgsAppend().hasValue()) {
            jvm.addAll(user.getJvmArgsAppend().get());
        }
        b.jvmArgsAppend(jvm.toArray(String[]::new));
        extra.apply(row, b);
        return b.build();
    }

    /** The innermost message of a row's failure ({@link FailureReason}). */
    static String reason(Throwable e) {
        return FailureReason.of(e);
    }
}
