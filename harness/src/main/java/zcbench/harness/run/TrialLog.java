package zcbench.harness.run;

import java.time.Instant;
import java.util.Locale;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.BenchmarkResultMetaData;

import zcbench.analysis.jmh.Metric;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.Units;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;

/**
 * trials.csv: a line per fork as it finishes, in the order the forks ran, so that a reviewer sees the drift of
 * the machine over the run (columns in docs/COLUMNS.md). Rewritten whole after each fork, as jmh.json is.
 */
final class TrialLog {
    static final String HEADER = "round,position,start,end,mb_s,row\n";

    private final RunFolder folder;
    private final StringBuilder lines = new StringBuilder(HEADER);

    TrialLog(RunFolder folder) {
        this.folder = folder;
    }

    /**
     * Adds a fork's line and writes the file. Its time is the fork's measurement, from the start of its first
     * measured iteration to its end as JMH's fork recorded them; {@code started} and {@code ended} (the JMH run
     * around it) stand in when the fork recorded none.
     */
    void add(int round, int position, String rowKey, BenchmarkResult fork, Instant started, Instant ended) {
        BenchmarkResultMetaData meta = fork.getMetadata();
        Instant start = meta != null && meta.getMeasurementTime() > 0 ? Instant.ofEpochMilli(meta.getMeasurementTime())
                : started;
        Instant end = meta != null && meta.getStopTime() > 0 ? Instant.ofEpochMilli(meta.getStopTime()) : ended;
        lines.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s%n", round, position, start, end,
                Num.fixed(mbPerSecond(fork), 3), rowKey));
        folder.writeText(ResultFiles.TRIALS_CSV, lines.toString());
    }

    /** Adds a line for a trial that is not a JMH fork (zcbench parity's C runs) and writes the file. */
    void add(int round, int position, String rowKey, Instant start, Instant end, double mbS) {
        lines.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s%n", round, position, start, end,
                Num.fixed(mbS, 3), rowKey));
        folder.writeText(ResultFiles.TRIALS_CSV, lines.toString());
    }

    /** The fork's MB/s (MiB/s), by speedup.csv's formula: the score per second times the MiB per operation. */
    static double mbPerSecond(BenchmarkResult fork) {
        var p = fork.getParams();
        var primary = fork.getPrimaryResult();
        Metric score = new Metric(primary.getScore(), Double.NaN, Double.NaN, Double.NaN, primary.getScoreUnit());
        return score.score() * score.perSecondFactor() * Units.mibPerOperation(
                Integer.parseInt(p.getParam(Knobs.BATCH.name())), Integer.parseInt(p.getParam(Knobs.PAYLOAD.name())));
    }
}
