package zcbench.analysis.stats;

import java.util.List;

/**
 * The measured iteration scores of one result row, one list per fork: JMH's {@code rawData} of the primary
 * metric, in its unit (or scaled, e.g. to MB/s).
 *
 * @param rounds whether the run measured its rows in rounds (env.json's "order"), fork i of every row in round i,
 *     so that two rows' forks of the same number ran seconds apart and their ratio can be taken round by round
 */
public record ForkSamples(List<List<Double>> forks, boolean rounds) {
    public static final ForkSamples NONE = new ForkSamples(List.of());

    public ForkSamples {
        forks = forks.stream().filter(f -> !f.isEmpty()).map(List::copyOf).toList();
    }

    /** A row not measured in rounds. */
    public ForkSamples(List<List<Double>> forks) {
        this(forks, false);
    }

    /** The same samples, fork i known to be round i. */
    public ForkSamples inRounds() {
        return new ForkSamples(forks, true);
    }

    public int forkCount() {
        return forks.size();
    }

    public int sampleCount() {
        return forks.stream().mapToInt(List::size).sum();
    }

    /** Every value a finite number: JMH writes NaN for what it could not measure. */
    public boolean allFinite() {
        return forks.stream().flatMap(List::stream).allMatch(Double::isFinite);
    }

    /** The mean of every sample of every fork, as JMH's score; NaN without samples. */
    public double mean() {
        return forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public ForkSamples scaled(double factor) {
        return new ForkSamples(forks.stream().map(f -> f.stream().map(v -> v * factor).toList()).toList(), rounds);
    }

    double[][] arrays() {
        return forks.stream().map(f -> f.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
    }
}
