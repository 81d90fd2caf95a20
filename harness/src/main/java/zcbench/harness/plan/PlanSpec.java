package zcbench.harness.plan;

import java.util.List;

/** What a run measures: rows, each its own JMH run with this timing. */
public record PlanSpec(String id, Timing timing, List<Row> rows) {
    /** JVM start, JIT and trial setup of a fork, measured on a 2-core machine. */
    private static final int FORK_OVERHEAD_SECONDS = 2;

    public PlanSpec {
        rows = List.copyOf(rows);
    }

    public int estimatedSecondsPerRow() {
        long millis = (long) timing.warmupIterations() * timing.warmupMillis()
                + (long) timing.measurementIterations() * timing.measurementMillis();
        return (int) (timing.forks() * (millis / 1000 + FORK_OVERHEAD_SECONDS));
    }

    public int estimatedSeconds() {
        return estimatedSecondsPerRow() * rows.size();
    }
}
