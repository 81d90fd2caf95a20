package zcbench.harness.run;

import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** A finished row's headline figures, for the progress line: MB/s with its error and copied %. */
record RowResult(double mbPerSecond, double mbError, double copiedPercent) {
    private static final double MIB = 1024.0 * 1024.0;

    static RowResult of(RunResult run) {
        var params = run.getParams();
        double perOp = Double.parseDouble(params.getParam("batch")) * Double.parseDouble(params.getParam("payload")) / MIB;
        Result<?> primary = run.getPrimaryResult();
        Map<String, Result> secondary = run.getSecondaryResults();
        double notifications = score(secondary, "notifications");
        double copied = score(secondary, "copied");
        return new RowResult(primary.getScore() * perOp, primary.getScoreError() * perOp,
                notifications > 0 ? 100.0 * copied / notifications : Double.NaN);
    }

    private static double score(Map<String, Result> secondary, String name) {
        Result<?> r = secondary.get(name);
        return r == null ? 0 : r.getScore();
    }

    String describe() {
        String copied = Double.isNaN(copiedPercent) ? "no notifications" : String.format("copied %.0f%%", copiedPercent);
        return String.format("%,.0f ± %,.0f MB/s (±%.1f%%), %s", mbPerSecond, mbError,
                mbPerSecond > 0 ? 100 * mbError / mbPerSecond : 0.0, copied);
    }
}
