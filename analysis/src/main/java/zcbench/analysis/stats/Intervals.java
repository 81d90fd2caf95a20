package zcbench.analysis.stats;

import zcbench.analysis.jmh.Metric;

/**
 * The one rule for every interval zcbench shows (tables, charts, compare, the harness's progress lines).
 *
 * <p>A row measured in two or more forks gets the {@link Bootstrap} interval, which the variation between its
 * forks widens. A row of one fork keeps JMH's own interval (Student's t over its iterations): it says how
 * steady that one JVM was, nothing about the next, so ratios (speedups, compare) get no interval from it.
 */
public final class Intervals {
    /** A row whose 99.9% error is above this share of its score is noisy: the plans aim below it. */
    public static final double NOISY_SHARE = 0.05;
    /** Forks a row needs for an interval that covers the variation between runs. */
    public static final int MIN_FORKS = 2;

    private Intervals() {
    }

    /**
     * The row's score with its interval: JMH's score, and the bootstrap interval (error = its half-width)
     * when the row has {@link #MIN_FORKS} forks, else JMH's own error and interval.
     */
    public static Metric row(Metric jmh, ForkSamples samples) {
        if (samples.forkCount() < MIN_FORKS) {
            return jmh;
        }
        Interval i = Bootstrap.mean(samples);
        return i.exists() ? new Metric(jmh.score(), i.halfWidth(), i.low(), i.high(), jmh.unit()) : jmh;
    }

    /**
     * The interval of a ratio of two rows' means; none unless both rows have {@link #MIN_FORKS} forks. Made by
     * {@link #ratioMethod}: paired round by round for two rows measured in the same rounds, else each row's forks
     * on their own.
     */
    public static Interval ratio(ForkSamples numerator, ForkSamples denominator) {
        if (numerator.forkCount() < MIN_FORKS || denominator.forkCount() < MIN_FORKS) {
            return Interval.NONE;
        }
        return ratioMethod(numerator, denominator) == IntervalMethod.ROUNDS
                ? Bootstrap.pairedRatio(numerator, denominator) : Bootstrap.ratio(numerator, denominator);
    }

    /**
     * How {@link #ratio} makes the interval of these two rows: {@link IntervalMethod#ROUNDS} when both were
     * measured in rounds and have as many forks (a row that failed in a later round has fewer, and is not paired).
     */
    public static IntervalMethod ratioMethod(ForkSamples numerator, ForkSamples denominator) {
        return numerator.rounds() && denominator.rounds() && numerator.forkCount() == denominator.forkCount()
                ? IntervalMethod.ROUNDS : IntervalMethod.FORKS;
    }

    /** Error above {@link #NOISY_SHARE} of the score; false when there is no error to judge by. */
    public static boolean noisy(Metric m) {
        return Double.isFinite(m.error()) && m.score() > 0 && m.error() > NOISY_SHARE * m.score();
    }

    /** The error in percent of the score, NaN when there is none. */
    public static double errorPercent(Metric m) {
        return m.score() > 0 ? 100 * m.error() / m.score() : Double.NaN;
    }
}
