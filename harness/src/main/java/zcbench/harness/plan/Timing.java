package zcbench.harness.plan;

/** Fork count, warmup and measurement iterations and their durations in milliseconds. */
public record Timing(int forks, int warmupIterations, int warmupMillis, int measurementIterations,
                     int measurementMillis) {
}
