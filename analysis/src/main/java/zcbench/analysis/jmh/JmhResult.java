package zcbench.analysis.jmh;

import java.util.Map;
import java.util.Optional;

/**
 * One element of JMH's JSON array, with the fields the analysis uses. params keeps JMH's own
 * names and string values; secondary maps each numeric secondary metric's name (e.g. "copied") to it
 * (text-only ones such as async-profiler's are left out).
 */
public record JmhResult(String benchmark, String mode, String jmhVersion, String jdkVersion, String vmVersion,
        int forks, int threads, int measurementIterations, String measurementTime, Map<String, String> params,
        Metric primary, Map<String, Metric> secondary) {

    public Optional<Params> zcbenchParams() {
        return Params.of(params);
    }

    /** The secondary metric's score, NaN when JMH did not write it. */
    public double secondaryScore(String name) {
        Metric m = secondary.get(name);
        return m == null ? Double.NaN : m.score();
    }
}
