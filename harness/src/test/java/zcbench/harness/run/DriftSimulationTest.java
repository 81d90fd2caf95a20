package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.stats.Intervals;
import zcbench.harness.run.TrialOrder.Trial;

/**
 * A machine that slows steadily by 20% over a run, simulated over the run's order and the analysis's ratios (no
 * benchmark runs): nine rows of the same true speed, so every true speedup is 1. Row by row, the last row ran
 * near the end and the first near the start, and their speedup is off by nearly the whole drift, with an
 * interval that excludes 1; in rounds it is not, and its interval holds 1.
 */
class DriftSimulationTest {
    private static final int ROWS = 9;
    private static final int ROUNDS = 5;
    private static final int ITERATIONS = 4;
    private static final double DRIFT = 0.20;
    private static final double TRUE_MB_S = 1000;
    /** Each iteration's own noise: 0.5%, a steady machine's. */
    private static final double NOISE = 0.005;

    @Test
    void rowByRowTheDriftIsTheSpeedupAndInRoundsItCancels() {
        Simulated rows = simulate(TrialOrder.ROWS);
        Simulated rounds = simulate(TrialOrder.rounds(2026));

        double sequential = rows.speedup(ROWS - 1, 0);
        // The first row's forks ran in the first ninth of the run, the last row's in the last ninth: 8/9 of the drift.
        assertEquals(1 - DRIFT * 8 / 9, sequential, 0.02, "row by row, the drift is the speedup");
        Interval sequentialInterval = Intervals.ratio(rows.samples(ROWS - 1), rows.samples(0));
        assertTrue(sequentialInterval.high() < 1, "row by row, a difference that is not there: " + sequentialInterval);
        assertEquals(IntervalMethod.FORKS, Intervals.ratioMethod(rows.samples(ROWS - 1), rows.samples(0)));

        double inRounds = rounds.speedup(ROWS - 1, 0);
        assertEquals(1, inRounds, 0.03, "in rounds, the drift reaches both rows alike");
        Interval pairedInterval = Intervals.ratio(rounds.samples(ROWS - 1), rounds.samples(0));
        assertEquals(IntervalMethod.ROUNDS, Intervals.ratioMethod(rounds.samples(ROWS - 1), rounds.samples(0)));
        assertTrue(pairedInterval.low() <= 1 && 1 <= pairedInterval.high(), "in rounds, no difference: "
                + pairedInterval);
        // Every pair of rows: the bias in rounds stays a fraction of the drift's.
        for (int a = 0; a < ROWS; a++) {
            for (int b = a + 1; b < ROWS; b++) {
                double bias = Math.abs(rounds.speedup(b, a) - 1);
                assertTrue(bias < DRIFT / 4, "rows " + a + " and " + b + " in rounds: " + rounds.speedup(b, a));
            }
        }
    }

    /** Each row's forks, fork i in round i, as jmh.json's rawData would hold them after such a run. */
    private record Simulated(List<List<List<Double>>> forks, boolean rounds) {
        ForkSamples samples(int row) {
            ForkSamples s = new ForkSamples(forks.get(row));
            return rounds ? s.inRounds() : s;
        }

        double speedup(int row, int baseline) {
            return samples(row).mean() / samples(baseline).mean();
        }
    }

    /** The trials in the order given, each taking one slot of time, the machine's speed falling linearly. */
    private static Simulated simulate(TrialOrder order) {
        List<Trial> trials = order.trials(ROWS, ROUNDS);
        List<List<List<Double>>> forks = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            List<List<Double>> rowForks = new ArrayList<>();
            for (int f = 0; f < ROUNDS; f++) {
                rowForks.add(null);
            }
            forks.add(rowForks);
        }
        Random noise = new Random(7);
        int slots = trials.size() * ITERATIONS;
        for (int t = 0; t < trials.size(); t++) {
            Trial trial = trials.get(t);
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < ITERATIONS; i++) {
                double at = (t * ITERATIONS + i + 0.5) / slots;
                iterations.add(TRUE_MB_S * (1 - DRIFT * at) * (1 + NOISE * noise.nextGaussian()));
            }
            forks.get(trial.row()).set(trial.round() - 1, iterations);
        }
        return new Simulated(forks, order.inRounds());
    }
}
