package zcbench.harness.run;

import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import zcbench.analysis.jmh.Metric;
import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Intervals;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.table.Units;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.Knobs;

/**
 * A finished row's headline figures, for the progress line: MB/s with the interval every output shows
 * ({@link Intervals#row}, the same rule as speedup.csv's), copied % and, on the sink, delivered %.
 */
record RowResult(Metric mbPerSecond, int forks, double copiedPercent, double deliveredPercent) {
    static RowResult of(RunResult run) {
        var params = run.getParams();
        double perOp = Units.mibPerOperation(Integer.parseInt(params.getParam(Knobs.BATCH.name())),
                Integer.parseInt(params.getParam(Knobs.PAYLOAD.name())));
        Result<?> primary = run.getPrimaryResult();
        double[] ci = primary.getScoreConfidence();
        Metric jmh = new Metric(primary.getScore(), primary.getScoreError(), ci[0], ci[1], primary.getScoreUnit());
        ForkSamples samples = samples(run);
        Map<String, Result> secondary = run.getSecondaryResults();
        double notifications = score(secondary, Counter.NOTIFICATIONS);
        double copied = score(secondary, Counter.COPIED);
        double packets = score(secondary, Counter.PACKETS);
        double delivered = Knobs.countsDelivered(params.getParam(Knobs.TARGET)) && packets > 0
                ? 100 * score(secondary, Counter.DELIVERED) / packets : Double.NaN;
        return new RowResult(Intervals.row(jmh, samples).scaled(perOp), samples.forkCount(),
                Units.copiedPercent(copied, notifications), delivered);
    }

    /** Each fork's measured iteration scores, as jmh.json's rawData holds them. */
    static ForkSamples samples(RunResult run) {
        List<List<Double>> forks = run.getBenchmarkResults().stream()
                .map(BenchmarkResult::getIterationResults)
                .map(its -> its.stream().map(it -> it.getPrimaryResult().getScore()).toList())
                .toList();
        return new ForkSamples(forks);
    }

    private static double score(Map<String, Result> secondary, Counter counter) {
        Result<?> r = secondary.get(counter.id());
        return r == null ? 0 : r.getScore();
    }

    /** NOISY by the rule of every output: the row's interval wider than its share of the score. */
    boolean noisy() {
        return Intervals.noisy(mbPerSecond);
    }

    String describe() {
        String copied = Double.isNaN(copiedPercent) ? "no notifications" : String.format("copied %.0f%%", copiedPercent);
        double score = mbPerSecond.score();
        if (Double.isNaN(mbPerSecond.error())) {
            return String.format("%,.0f MB/s (one sample, no interval), %s%s", score, copied, delivered());
        }
        String noisy = noisy() ? "  NOISY: error above "
                + Math.round(100 * Intervals.NOISY_SHARE) + "%; rerun on a quiet machine or raise -f" : "";
        return String.format("%,.0f ± %,.0f MB/s (±%.1f%%, %d fork%s), %s%s%s", score, mbPerSecond.error(),
                Intervals.errorPercent(mbPerSecond), forks, forks == 1 ? "" : "s", copied, delivered(), noisy);
    }

    /** The sink's count of the row's packets; below the flag the line says UNDELIVERED. */
    private String delivered() {
        if (Double.isNaN(deliveredPercent)) {
            return "";
        }
        return deliveredPercent < SpeedupTable.DELIVERED_PCT_FLAG
                ? String.format(", delivered %.2f%%  UNDELIVERED: the sink missed packets", deliveredPercent)
                : String.format(", delivered %.1f%%", deliveredPercent);
    }
}
