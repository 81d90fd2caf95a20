package zcbench.analysis.jmh;

import java.util.Map;
import java.util.Optional;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Intervals;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

/**
 * One element of JMH's JSON array, with the fields the analysis uses. params keeps JMH's string
 * values by the knobs' names (a former name, as older runs wrote it, read as the knob's name);
 * secondary maps each numeric secondary metric's name (e.g. "copied") to it
 * (text-only ones such as async-profiler's are left out).
 *
 * @param primary the primary metric as JMH wrote it (its error and interval are JMH's own)
 * @param samples the primary metric's iteration scores per fork (JMH's rawData)
 */
public record JmhResult(String benchmark, String mode, String jmhVersion, String jdkVersion, String vmVersion,
        int forks, int threads, int warmupIterations, String warmupTime, int measurementIterations,
        String measurementTime, Map<String, String> params, Metric primary, ForkSamples samples,
        Map<String, Metric> secondary) {

    /**
     * The zcbench row this result measured; empty when it is another benchmark's. A knob the run did not have is
     * empty (poll and verify came later: a run without them ran poll=true, verify=false loops in name only, with the
     * older blocking, stamping loops).
     */
    public Optional<Row> zcbenchRow() {
        Optional<Row> row = Row.read(params);
        row.ifPresent(r -> {
            positive(Knobs.PAYLOAD, r.value(Knobs.PAYLOAD));
            positive(Knobs.BATCH, r.value(Knobs.BATCH));
        });
        return row;
    }

    private static void positive(Knob knob, String value) {
        try {
            if (Integer.parseInt(value.strip()) > 0) {
                return;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AnalysisException("A result has " + knob.name() + "=\"" + value
                + "\", not a positive whole number; the JSON was not written by zcbench's benchmark or was edited.");
    }

    /** The primary metric with the interval every zcbench output shows ({@link Intervals#row}). */
    public Metric score() {
        return Intervals.row(primary, samples);
    }

    /** How the row was measured, e.g. "3 forks x 4 x 1000 ms after 1 x 1000 ms warm-up". */
    public String timing() {
        return forks + (forks == 1 ? " fork x " : " forks x ") + measurementIterations + " x " + measurementTime
                + (warmupIterations == 0 ? ", no warm-up" : " after " + warmupIterations + " x " + warmupTime
                        + " warm-up");
    }

    /** The same result, its forks known to be the run's rounds (fork i in round i). */
    public JmhResult inRounds() {
        return new JmhResult(benchmark, mode, jmhVersion, jdkVersion, vmVersion, forks, threads, warmupIterations,
                warmupTime, measurementIterations, measurementTime, params, primary, samples.inRounds(), secondary);
    }

    /** The secondary metric's score, NaN when JMH did not write it. */
    public double secondaryScore(String name) {
        Metric m = secondary.get(name);
        return m == null ? Double.NaN : m.score();
    }
}
