package zcbench.harness.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import zcbench.analysis.jmh.Metric;
import zcbench.analysis.table.Units;
import zcbench.harness.run.TrialOrder.Trial;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

/**
 * zcbench parity's rounds: every row of the plan twice per round, once as a zcbench fork and once as its C
 * command, the 2n trials of a round in a new random order ({@link TrialOrder} over 2n items: item i &lt; n is
 * row i's fork, item n + i its C command). So the two sides of a row ran seconds apart in every round, and their
 * ratio is taken round by round. jmh.json keeps the zcbench forks merged per row, trials.csv every trial (a C
 * trial's row is {@code c-} and the row's key).
 */
public final class ParityRun {
    /** Runs row i's C command once and answers its MB/s; throws with a sentence when it cannot. */
    @FunctionalInterface
    public interface CTrial {
        double run(int row) throws Exception;
    }

    /**
     * One row's measurements, round by round.
     *
     * @param zcbench each round's fork: its measured iterations in MB/s
     * @param c       each round's C run in MB/s
     * @param failure why the row left the rounds early, or null
     */
    public record Measured(Row row, List<List<Double>> zcbench, List<Double> c, String failure) {
    }

    private final PlanRunner runner;
    private final TrialOrder order;
    private final int rounds;
    private final CTrial cTrial;
    private final long secondsPerC;

    public ParityRun(PlanRunner runner, TrialOrder order, int rounds, CTrial cTrial, long secondsPerC) {
        this.runner = runner;
        this.order = order;
        this.rounds = rounds;
        this.cTrial = cTrial;
        this.secondsPerC = secondsPerC;
    }

    public List<Measured> run() {
        List<Row> rows = runner.plan.rows();
        int n = rows.size();
        List<Trial> trials = order.trials(2 * n, rounds);
        List<List<List<Double>>> zc = new ArrayList<>();
        List<List<Double>> c = new ArrayList<>();
        rows.forEach(r -> {
            zc.add(new ArrayList<>());
            c.add(new ArrayList<>());
        });
        Map<Integer, String> failed = new HashMap<>();
        RowForks forks = new RowForks();
        TrialLog log = new TrialLog(runner.folder);
        long started = System.nanoTime();
        int done = 0;
        for (int t = 0; t < trials.size(); t++) {
            Trial trial = trials.get(t);
            int row = trial.row() % n;
            boolean isC = trial.row() >= n;
            if (failed.containsKey(row)) {
                continue;
            }
            String key = rows.get(row).key(runner.target);
            long left = remaining(started, done, trials.size() - t);
            runner.progress.remaining(left);
            String which = "round " + trial.round() + "/" + rounds + ", trial " + trial.position() + "/" + 2 * n
                    + ": " + (isC ? "C for " : "zcbench ") + key;
            runner.out.printf("%s  (about %s left)%n", which, Waiting.format(Duration.ofSeconds(left)));
            Instant at = Instant.now();
            try {
                if (isC) {
                    double mbS = cTrial.run(row);
                    c.get(row).add(mbS);
                    log.add(trial.round(), trial.position(), "c-" + key, at, Instant.now(), mbS);
                    runner.out.printf("%s%,.0f MB/s%n", PlanRunner.UNDER_LABEL, mbS);
                } else {
                    Collection<RunResult> finished = runner.jmh.run(new OptionsBuilder()
                            .parent(runner.options(rows.get(row))).forks(1).build(), which);
                    for (RunResult r : finished) {
                        forks.add(row, r);
                        for (BenchmarkResult fork : r.getBenchmarkResults()) {
                            zc.get(row).add(iterationsMbS(fork));
                            log.add(trial.round(), trial.position(), key, fork, at, Instant.now());
                        }
                        runner.out.println(PlanRunner.UNDER_LABEL + RowResult.of(r).describe());
                    }
                    runner.folder.writeJmhJson(forks.merged());
                }
                done++;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                String reason = PlanRunner.reason(e);
                failed.put(row, "round " + trial.round() + ", " + (isC ? "C" : "zcbench") + ": " + reason);
                runner.out.println(PlanRunner.UNDER_LABEL + "FAILED: " + reason);
            }
        }
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            measured.add(new Measured(rows.get(i), List.copyOf(zc.get(i)), List.copyOf(c.get(i)), failed.get(i)));
        }
        return measured;
    }

    /** A fork's measured iterations in MB/s (MiB/s), as speedup.csv computes MB/s. */
    static List<Double> iterationsMbS(BenchmarkResult fork) {
        BenchmarkParams p = fork.getParams();
        double perOp = Units.mibPerOperation(Integer.parseInt(p.getParam(Knobs.BATCH.name())),
                Integer.parseInt(p.getParam(Knobs.PAYLOAD.name())));
        List<Double> mbS = new ArrayList<>();
        for (IterationResult it : fork.getIterationResults()) {
            var primary = it.getPrimaryResult();
            double perSecond = new Metric(0, Double.NaN, Double.NaN, Double.NaN, primary.getScoreUnit())
                    .perSecondFactor();
            mbS.add(primary.getScore() * perSecond * perOp);
        }
        return mbS;
    }

    /**
     * Seconds the {@code ahead} trials will take: a zcbench fork by the plan, a C run by its time, until one has
     * run, then the pace so far.
     */
    private long remaining(long started, int done, int ahead) {
        if (done == 0) {
            long fork = Math.max(1, runner.plan.estimatedSecondsPerRow());
            return Math.ceilDiv(ahead * (fork + secondsPerC), 2);
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return Math.ceilDiv(elapsedMillis * ahead / done, TimeUnit.SECONDS.toMillis(1));
    }
}
