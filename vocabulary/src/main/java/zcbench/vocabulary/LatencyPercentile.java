package zcbench.vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * What speedup.csv says of a row's notification-latency histogram (knob latency): the time from a
 * zero-copy send's completion to its notification, in microseconds.
 */
public enum LatencyPercentile {
    P50("latency_p50_us", 50.0),
    P99("latency_p99_us", 99.0),
    P999("latency_p99_9_us", 99.9),
    MAX("latency_max_us", 100.0);

    private final String id;
    private final double percentile;

    LatencyPercentile(String id, double percentile) {
        this.id = id;
        this.percentile = percentile;
    }

    /** The speedup.csv column. */
    public String id() {
        return id;
    }

    /** The percentile, 100 for the largest value recorded. */
    public double percentile() {
        return percentile;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LatencyPercentile::id).toList();
    }
}
