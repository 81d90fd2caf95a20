package zcbench.harness.plan;

import java.time.Duration;
import java.util.List;
import zcbench.vocabulary.Row;

/** What a run measures: rows, each its own JMH run with this timing. */
public record PlanSpec(String id, Timing timing, List<Row> rows) {
    /** JVM start, JIT and trial setup of a fork: 0.7 to 1.1 s measured on a 2-core machine, idle to busy. */
    static final int FORK_OVERHEAD_MILLIS = 1000;
    /** zcbench's own JVM start, the sink's namespace and the report: 2 to 4 s measured on a 2-core machine. */
    static final int RUN_OVERHEAD_SECONDS = 3;

    public PlanSpec {
        rows = List.copyOf(rows);
    }

    public int estimatedSecondsPerRow() {
        long millis = (long) timing.warmupIterations() * timing.warmupMillis()
                + (long) timing.measurementIterations() * timing.measurementMillis() + FORK_OVERHEAD_MILLIS;
        return (int) Math.round(timing.forks() * millis / 1000.0);
    }

    public int estimatedSeconds() {
        return estimatedSeconds(rows.size());
    }

    /** For {@code running} of the rows, the others skipped here: a skipped row forks nothing. */
    public int estimatedSeconds(int running) {
        return estimatedSecondsPerRow() * running + RUN_OVERHEAD_SECONDS;
    }

    /** "2 min 45 s", "18 min", "10 s". */
    public static String duration(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toMinutes() == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMinutes() + " min" + (d.toSecondsPart() == 0 ? "" : " " + d.toSecondsPart() + " s");
    }
}
