package zcbench.harness.plan;

/** Fork count, warmup and measurement iterations and their durations in milliseconds. */
public record Timing(int forks, int warmupIterations, int warmupMillis, int measurementIterations,
                     int measurementMillis) {
    /** What the plans that measure use: 3 forks x (1 x 1 s warm-up + 4 x 1 s measured) per row. */
    public static final Timing MEASURED = new Timing(3, 1, 1000, 4, 1000);
    /**
     * A payload sweep's: 2 forks x (1 x 1 s warm-up + 5 x 800 ms), the fewest forks that still give a row an
     * interval over JVMs and 10 samples, so that 50 rows take about ten minutes.
     */
    public static final Timing SWEEP = new Timing(2, 1, 1000, 5, 800);

    /** E.g. "3 forks x (1 x 1 s warm-up + 4 x 1 s)" or "1 fork x 1 x 200 ms, no warm-up". */
    public String describe() {
        String measured = measurementIterations + " x " + time(measurementMillis);
        String perFork = warmupIterations == 0 ? measured + ", no warm-up"
                : "(" + warmupIterations + " x " + time(warmupMillis) + " warm-up + " + measured + ")";
        return forks + (forks == 1 ? " fork x " : " forks x ") + perFork;
    }

    private static String time(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
