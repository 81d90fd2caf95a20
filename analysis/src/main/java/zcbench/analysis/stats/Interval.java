package zcbench.analysis.stats;

/** A 99.9% interval; both ends NaN when there is none. */
public record Interval(double low, double high) {
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public boolean exists() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    public double halfWidth() {
        return (high - low) / 2;
    }

    public Interval scaled(double factor) {
        return new Interval(low * factor, high * factor);
    }
}
