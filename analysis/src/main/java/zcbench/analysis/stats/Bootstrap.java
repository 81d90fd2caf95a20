package zcbench.analysis.stats;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Intervals from a two-stage bootstrap: each replicate draws as many forks as the row has, with replacement,
 * then within each drawn fork as many iterations as it has, with replacement, and takes the mean of all drawn
 * iterations (JMH's score is the mean of all iterations). Drawing forks first is what lets the variation
 * between JVMs widen the interval; with few forks it can only span the forks that were measured.
 *
 * <p>A percentile interval is too narrow for few samples (it behaves like a normal interval with the plug-in
 * standard deviation), so each side's distance from the estimate is expanded by t(n-1) &middot; &radic;(n/(n-1))
 * / z, the factor that turns that normal interval into Student's t interval over n samples (Hesterberg's
 * expanded percentile interval). For forks that agree, the result is close to JMH's own interval; forks that
 * disagree widen it further.
 *
 * <p>The generator is seeded with a constant, so that a report of the same jmh.json is the same every time.
 */
public final class Bootstrap {
    /** JMH's level, so that every interval in zcbench's outputs means the same. */
    public static final double LEVEL = 0.999;
    /** Enough for 0.05% tails of 25 replicates each. */
    public static final int REPLICATES = 50_000;
    private static final long SEED = 0x7a63_6265_6e63_6801L;
    private static final Quantile QUANTILE = Quantile.withDefaults();
    private static final double TAIL = (1 - LEVEL) / 2;

    private Bootstrap() {
    }

    /** The interval of the mean of samples; {@link Interval#NONE} with fewer than two samples. */
    public static Interval mean(ForkSamples samples) {
        if (samples.sampleCount() < 2 || !samples.allFinite()) {
            return Interval.NONE;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double[][] forks = samples.arrays();
        double[] replicates = new double[REPLICATES];
        for (int i = 0; i < REPLICATES; i++) {
            replicates[i] = replicate(forks, rng);
        }
        return expanded(percentiles(replicates), mean(forks), samples.sampleCount());
    }

    /**
     * The interval of mean(numerator) / mean(denominator) for two independent rows (separate JMH runs, so
     * separate forks): each replicate resamples both. Expanded for the smaller row's sample count; never below 0.
     */
    public static Interval ratio(ForkSamples numerator, ForkSamples denominator) {
        if (numerator.sampleCount() < 2 || denominator.sampleCount() < 2 || !numerator.allFinite()
                || !denominator.allFinite()) {
            return Interval.NONE;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double[][] num = numerator.arrays();
        double[][] den = denominator.arrays();
        double[] replicates = new double[REPLICATES];
        for (int i = 0; i < REPLICATES; i++) {
            replicates[i] = replicate(num, rng) / replicate(den, rng);
        }
        return ratioInterval(replicates, num, den, numerator, denominator);
    }

    /**
     * The replicates' percentile interval around mean(num) / mean(den), expanded for the smaller row's sample count.
     * The expansion is symmetric; a ratio of two throughputs is not below 0.
     */
    private static Interval ratioInterval(double[] replicates, double[][] num, double[][] den, ForkSamples numerator,
                                          ForkSamples denominator) {
        Interval i = expanded(percentiles(replicates), mean(num) / mean(den),
                Math.min(numerator.sampleCount(), denominator.sampleCount()));
        return new Interval(Math.max(0, i.low()), i.high());
    }

    /**
     * The interval of mean(numerator) / mean(denominator) for two rows measured in the same rounds, fork i of each
     * in round i: each replicate draws rounds with replacement, the same rounds for both rows, then within each
     * drawn round each row's iterations with replacement. A drift of the machine moves both forks of a round alike,
     * so it cancels in the ratio instead of widening the interval. Expanded as {@link #ratio} is, for the smaller
     * row's sample count, so that the two methods' intervals differ only by the pairing.
     *
     * @throws IllegalArgumentException unless both rows have the same number of rounds
     */
    public static Interval pairedRatio(ForkSamples numerator, ForkSamples denominator) {
        if (numerator.forkCount() != denominator.forkCount()) {
            throw new IllegalArgumentException("rows of " + numerator.forkCount() + " and " + denominator.forkCount()
                    + " rounds cannot be paired round by round");
        }
        if (numerator.forkCount() < 2 || !numerator.allFinite() || !denominator.allFinite()) {
            return Interval.NONE;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double[][] num = numerator.arrays();
        double[][] den = denominator.arrays();
        double[] replicates = new double[REPLICATES];
        for (int i = 0; i < REPLICATES; i++) {
            Mean n = Mean.create();
            Mean d = Mean.create();
            for (int r = 0; r < num.length; r++) {
                int round = rng.nextInt(num.length);
                drawInto(num[round], n, rng);
                drawInto(den[round], d, rng);
            }
            replicates[i] = n.getAsDouble() / d.getAsDouble();
        }
        return ratioInterval(replicates, num, den, numerator, denominator);
    }

    private static void drawInto(double[] fork, Mean mean, UniformRandomProvider rng) {
        for (int i = 0; i < fork.length; i++) {
            mean.accept(fork[rng.nextInt(fork.length)]);
        }
    }

    /**
     * Replicates of a statistic of several independent rows' means (separate JMH runs, so separate forks): each
     * replicate resamples every row as {@link #mean} does and hands the statistic the rows' means in the order
     * given. The statistic may answer an infinity (e.g. "below every payload measured"), never NaN.
     */
    public static double[] replicates(List<ForkSamples> rows, ToDoubleFunction<double[]> statistic) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double[][][] data = rows.stream().map(ForkSamples::arrays).toArray(double[][][]::new);
        double[] means = new double[data.length];
        double[] replicates = new double[REPLICATES];
        for (int i = 0; i < REPLICATES; i++) {
            for (int r = 0; r < data.length; r++) {
                means[r] = replicate(data[r], rng);
            }
            replicates[i] = statistic.applyAsDouble(means);
        }
        return replicates;
    }

    /**
     * The expanded percentile interval of {@link #replicates} around the estimate, for n samples, as the other
     * intervals are expanded. The percentiles are order statistics, so that a tail of infinities keeps that side
     * infinite (unbounded) instead of making it NaN; an infinite estimate keeps the plain percentiles.
     */
    public static Interval interval(double[] replicates, double estimate, int n) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double low = sorted[(int) Math.floor(TAIL * (sorted.length - 1))];
        double high = sorted[(int) Math.ceil((1 - TAIL) * (sorted.length - 1))];
        if (!Double.isFinite(estimate)) {
            return new Interval(low, high);
        }
        double f = expansion(n);
        return new Interval(Double.isFinite(low) ? estimate - f * (estimate - low) : low,
                Double.isFinite(high) ? estimate + f * (high - estimate) : high);
    }

    /** t(n-1) &middot; &radic;(n/(n-1)) / z at {@link #LEVEL}: above 1, and towards 1 as n grows. */
    public static double expansion(int n) {
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(TAIL);
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(TAIL);
        return t * Math.sqrt((double) n / (n - 1)) / z;
    }

    private static Interval expanded(Interval percentile, double estimate, int n) {
        double f = expansion(n);
        return new Interval(estimate - f * (estimate - percentile.low()),
                estimate + f * (percentile.high() - estimate));
    }

    private static double replicate(double[][] forks, UniformRandomProvider rng) {
        Mean mean = Mean.create();
        for (int f = 0; f < forks.length; f++) {
            double[] fork = forks[rng.nextInt(forks.length)];
            for (int i = 0; i < fork.length; i++) {
                mean.accept(fork[rng.nextInt(fork.length)]);
            }
        }
        return mean.getAsDouble();
    }

    /** The mean of all samples, as JMH computes its score. */
    private static double mean(double[][] forks) {
        Mean mean = Mean.create();
        for (double[] fork : forks) {
            for (double v : fork) {
                mean.accept(v);
            }
        }
        return mean.getAsDouble();
    }

    private static Interval percentiles(double[] replicates) {
        double[] q = QUANTILE.evaluate(replicates, TAIL, 1 - TAIL);
        return new Interval(q[0], q[1]);
    }
}
