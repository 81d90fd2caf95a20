package zcbench.harness.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import zcbench.harness.run.PlanRunner.Failure;
import zcbench.harness.run.PlanRunner.Outcome;
import zcbench.harness.run.PlanRunner.Skipped;
import zcbench.harness.run.TrialOrder.Trial;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;

/**
 * A plan measured in rounds (docs/ARCHITECTURE.md, "Rounds"): every (row, fork) trial is its own JMH run of one
 * fork, in the order {@link TrialOrder} draws, and a row's forks are merged into one result ({@link RowForks}), so
 * that jmh.json holds every finished fork at every moment. A row that fails or that this machine cannot run
 * leaves the rounds; the others go on.
 */
final class RoundsRun {
    private final PlanRunner runner;
    private final TrialOrder order;

    RoundsRun(PlanRunner runner, TrialOrder order) {
        this.runner = runner;
        this.order = order;
    }

    Outcome run() {
        List<Row> rows = runner.plan.rows();
        int rounds = runner.user.getForkCount().orElse(runner.plan.timing().forks());
        List<Optional<String>> atStart = rows.stream().map(runner::needs).toList();
        runner.announce(atStart);
        runner.out.printf("zcbench: %d %s, each one fork of every row, the rows in a new random order each time;"
                + " seed %d (--seed %d repeats the order)%n", rounds, rounds == 1 ? "round" : "rounds", order.seed(),
                order.seed());
        List<Trial> trials = order.trials(rows.size(), rounds);
        RowForks forks = new RowForks();
        TrialLog log = new TrialLog(runner.folder);
        List<Failure> failures = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        // Rows out of the rounds: failed, or skipped here.
        Set<Integer> left = new HashSet<>();
        long started = System.nanoTime();
        int forked = 0;
        String stopped = null;
        PlanRunner.Stop stop = PlanRunner.Stop.NONE;
        for (int t = 0; t < trials.size() && stopped == null; t++) {
            Trial trial = trials.get(t);
            if (left.contains(trial.row())) {
                continue;
            }
            if (runner.signalled()) {
                stop = PlanRunner.Stop.SIGNAL;
                stopped = Failed.BY_SIGNAL;
                break;
            }
            Row row = rows.get(trial.row());
            String key = row.key(runner.target);
            // Asked again just before each fork: what the machine has can change during a run (free huge pages).
            Optional<String> needs = runner.needs(row);
            long ahead = aheadOf(trials, t + 1, left, atStart) + (needs.isEmpty() ? 1 : 0);
            long secondsLeft = remaining(started, forked, ahead, rounds);
            runner.progress.remaining(secondsLeft);
            // The row by its key alone, its one name: the CSVs, compare and the flame and JFR files use it too.
            runner.out.printf("round %d/%d, row %d/%d: %s  (about %s left)%n", trial.round(), rounds,
                    trial.position(), rows.size(), key, Waiting.format(Duration.ofSeconds(secondsLeft)));
            if (needs.isPresent()) {
                left.add(trial.row());
                if (forks.forkCount(trial.row()) == 0) {
                    skipped.add(new Skipped(row, needs.get()));
                    runner.out.println(PlanRunner.UNDER_LABEL + "SKIPPED: " + needs.get());
                } else {
                    failures.add(new Failure(row, "round " + trial.round() + ": " + needs.get()));
                    runner.out.println(PlanRunner.UNDER_LABEL + "FAILED: now " + needs.get());
                }
                continue;
            }
            forked++;
            try {
                Instant forkedAt = Instant.now();
                // jmh.log's header names the row as row by row ("[4/9] label, target=..."), then the round.
                String header = "[" + trial.position() + "/" + rows.size() + "] " + row.label() + ", target="
                        + runner.target + ", round " + trial.round() + "/" + rounds + ": " + key;
                Collection<RunResult> finished = runner.jmh.run(oneFork(row, trial.round()), header);
                for (RunResult r : finished) {
                    forks.add(trial.row(), r);
                    for (BenchmarkResult fork : r.getBenchmarkResults()) {
                        log.add(trial.round(), trial.position(), key, fork, forkedAt, Instant.now());
                    }
                }
                runner.folder.writeJmhJson(forks.merged());
                describe(finished, row, forks.mergedByRow(), rows);
            } catch (Busy e) {
                stopped = e.getMessage();
                runner.out.println(PlanRunner.UNDER_LABEL + "STOPPED: " + stopped);
            } catch (RunnerException | RuntimeException e) {
                Failed f = runner.failed(e);
                stop = f.stop();
                stopped = f.stopped();
                left.add(trial.row());
                failures.add(new Failure(row, "round " + trial.round() + ": " + f.reason()));
                runner.out.println(PlanRunner.UNDER_LABEL + (stop == PlanRunner.Stop.NONE ? "FAILED: " : "STOPPED: ")
                        + f.reason());
            }
        }
        if (stopped != null) {
            for (int i = 0; i < rows.size(); i++) {
                int done = forks.forkCount(i);
                if (!left.contains(i) && done < rounds) {
                    failures.add(new Failure(rows.get(i), (done == 0 ? "" : done + " of " + rounds + " rounds, then ")
                            + "not run: " + stopped));
                }
            }
        }
        if (stop != PlanRunner.Stop.DISK_FULL) {
            // Nothing more can be written on a full disk.
            MissedRows.write(runner.folder, failures, skipped);
        }
        return new Outcome(forks.merged(), failures, skipped, stop);
    }

    /** The trials from {@code from} on that will fork by what is known now: a skipped row takes no time. */
    private static long aheadOf(List<Trial> trials, int from, Set<Integer> left, List<Optional<String>> atStart) {
        return trials.subList(from, trials.size()).stream()
                .filter(tr -> !left.contains(tr.row()) && atStart.get(tr.row()).isEmpty()).count();
    }

    /**
     * Seconds the {@code ahead} forks still to run will take: the plan's estimate until one has forked, then the
     * pace of those so far, rounded up.
     */
    private long remaining(long started, int forked, long ahead, int rounds) {
        if (forked == 0) {
            return Math.ceilDiv((long) runner.plan.estimatedSecondsPerRow() * ahead, Math.max(1, rounds));
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return Math.ceilDiv(elapsedMillis * ahead / forked, TimeUnit.SECONDS.toMillis(1));
    }

    /** The row's JMH options for one fork; -wf warm-up forks, when given, only in the first round. */
    private Options oneFork(Row row, int round) {
        ChainedOptionsBuilder b = new OptionsBuilder().parent(runner.options(row)).forks(1);
        if (round > 1) {
            b.warmupForks(0);
        }
        return b.build();
    }

    /**
     * The fork's line under its label, and for rows of several senders their MB/s per thread; threads.csv
     * rewritten from every row's forks so far, a fork's number there being its round.
     */
    private void describe(Collection<RunResult> finished, Row row, Map<Integer, RunResult> merged, List<Row> rows) {
        for (RunResult r : finished) {
            runner.out.println(PlanRunner.UNDER_LABEL + RowResult.of(r).describe());
            ThreadResults threads = ThreadResults.of(r);
            if (threads.several()) {
                runner.out.println(PlanRunner.UNDER_LABEL + threads.describe());
                if (PlanRunner.sendersTakeEveryCpu(row)) {
                    runner.out.println(PlanRunner.UNDER_LABEL + Knobs.SHARED_CPU);
                }
            }
        }
        StringBuilder csv = new StringBuilder(ThreadResults.HEADER);
        boolean any = false;
        for (Map.Entry<Integer, RunResult> e : merged.entrySet()) {
            ThreadResults threads = ThreadResults.of(e.getValue());
            if (threads.several()) {
                any = true;
                csv.append(threads.csv(rows.get(e.getKey()).key(runner.target)));
            }
        }
        if (any) {
            runner.folder.writeText(ResultFiles.THREADS_CSV, csv.toString());
        }
    }
}
