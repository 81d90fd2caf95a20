package zcbench.analysis.trials;

import java.time.Instant;

/**
 * One fork as trials.csv has it (docs/COLUMNS.md): its round, its place in the round, when its measurement
 * ran, its MB/s and its row's key.
 */
public record Trial(int round, int position, Instant start, Instant end, double mbS, String row) {
    /** The middle of its measurement: where a chart against time puts it. */
    public Instant middle() {
        return start.plusMillis((end.toEpochMilli() - start.toEpochMilli()) / 2);
    }
}
