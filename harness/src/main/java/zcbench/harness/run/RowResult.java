package zcbench.harness.run;

import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.table.Units;

/** A finished row's headline figures, for the progress line: MB/s with its error and copied %. */
record RowResult(double mbPerSecond, double mbError, double copiedPercent, double deliveredPercent) {
    static RowResult of(RunResult run) {
        var params = run.getParams();
        double perOp = Units.mibPerOperation(Integer.parseInt(params.getParam("batch")),
                Integer.parseInt(params.getParam("payload")));
        Result<?> primary = run.getPrimaryResult();
        Map<String, Result> secondary = run.getSecondaryResults();
        double notifications = score(secondary, "notifications");
        double copied = score(secondary, "copied");
        double packets = score(secondary, "packets");
        double delivered = "sink".equals(params.getParam("target")) && packets > 0
                ? 100 * score(secondary, "delivered") / packets : Double.NaN;
        return new RowResult(primary.getScore() * perOp, primary.getScoreError() * perOp,
                Units.copiedPercent(copied, notifications), delivered);
    }

    private static double score(Map<String, Result> secondary, String name) {
        Result<?> r = secondary.get(name);
        return r == null ? 0 : r.getScore();
    }

    /** The plans aim at a 99.9% error under this share of the score. */
    static final double NOISY_PERCENT = 5.0;

    /** Above the plans' aim; an unknown error (a single iteration) is not. */
    static boolean isNoisy(double score, double error) {
        return score > 0 && 100 * error / score > NOISY_PERCENT;
    }

    boolean noisy() {
        return isNoisy(mbPerSecond, mbError);
    }

    String describe() {
        String copied = Double.isNaN(copiedPercent) ? "no notifications" : String.format("copied %.0f%%", copiedPercent);
        if (Double.isNaN(mbError)) {
            return String.format("%,.0f MB/s (error unknown: too few iterations), %s%s", mbPerSecond, copied,
                    delivered());
        }
        double errorPercent = mbPerSecond > 0 ? 100 * mbError / mbPerSecond : 0.0;
        String noisy = isNoisy(mbPerSecond, mbError)
                ? "  NOISY: error above " + (int) NOISY_PERCENT + "% of the score" : "";
        return String.format("%,.0f ± %,.0f MB/s (±%.1f%%), %s%s%s", mbPerSecond, mbError, errorPercent, copied,
                delivered(), noisy);
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
