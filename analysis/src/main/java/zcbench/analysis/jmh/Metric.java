package zcbench.analysis.jmh;

import java.util.Locale;

/**
 * One JMH metric: score, the half-width of its 99.9% interval and the interval itself, in unit.
 * Values JMH could not compute (it writes "NaN" when a row has too few samples) are NaN here.
 */
public record Metric(double score, double error, double low, double high, String unit) {

    /** Per-second factor of a throughput unit ("ops/s", "ops/ms", ...), NaN for any other unit. */
    public double perSecondFactor() {
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "ops/s" -> 1;
            case "ops/ms" -> 1e3;
            case "ops/us" -> 1e6;
            case "ops/ns" -> 1e9;
            case "ops/min" -> 1.0 / 60;
            case "ops/hr" -> 1.0 / 3600;
            case "ops/day" -> 1.0 / 86400;
            default -> Double.NaN;
        };
    }

    public boolean isThroughput() {
        return !Double.isNaN(perSecondFactor());
    }

    public Metric scaled(double factor) {
        return new Metric(score * factor, error * factor, low * factor, high * factor, unit);
    }
}
