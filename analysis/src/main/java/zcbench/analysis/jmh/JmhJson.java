package zcbench.analysis.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.stats.ForkSamples;
import zcbench.vocabulary.Knobs;

/** Reads the JSON array JMH writes with {@code -rf json} into {@link JmhResult}s. */
public final class JmhJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JmhJson() {
    }

    /** Throws an {@link AnalysisException} when the file is missing, not JSON, not JMH's, or empty. */
    public static List<JmhResult> read(Path file) {
        JsonNode root = readTree(file);
        String what = "; pass the jmh.json of a zcbench run (or a file JMH wrote with -rf json).";
        if (!root.isArray()) {
            throw new AnalysisException(file + " is JSON but not JMH results (JMH writes an array of results)" + what);
        }
        if (root.isEmpty()) {
            throw new AnalysisException(file + " holds no results: the run measured nothing; run the benchmark again "
                    + "and check its log for the error.");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            if (!node.isObject() || !node.path("benchmark").isTextual() || !node.path("primaryMetric").isObject()) {
                throw new AnalysisException(file + " is JSON but not JMH results (result " + (results.size() + 1)
                        + " has no benchmark or primaryMetric)" + what);
            }
            results.add(result(node));
        }
        return results;
    }

    static JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnalysisException(file + " does not exist; pass a zcbench run folder or the jmh.json it holds.");
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new AnalysisException(file + " is empty; pass the jmh.json of a finished run.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new AnalysisException(file + " is not JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + " at line " + e.getLocation().getLineNr() + "); pass the jmh.json of a zcbench run.");
        } catch (IOException e) {
            throw new AnalysisException("Could not read " + file + " (" + e.getMessage() + "); check its permissions.");
        }
    }

    private static JmhResult result(JsonNode n) {
        Map<String, String> params = new LinkedHashMap<>();
        // A run from before a knob had its one name wrote its former one.
        n.path("params").properties().forEach(e -> params.put(Knobs.current(e.getKey()), e.getValue().asText()));
        Map<String, Metric> secondary = new LinkedHashMap<>();
        n.path("secondaryMetrics").properties().forEach(e -> {
            Metric m = metric(e.getValue());
            // Profilers that write files (async-profiler's ":async", ":jfr") report text with a NaN score: no number.
            if (!Double.isNaN(m.score())) {
                secondary.put(e.getKey(), m);
            }
        });
        return new JmhResult(n.path("benchmark").asText(), n.path("mode").asText(), n.path("jmhVersion").asText(),
                n.path("jdkVersion").asText(), n.path("vmVersion").asText(), n.path("forks").asInt(),
                n.path("threads").asInt(), n.path("warmupIterations").asInt(), n.path("warmupTime").asText(),
                n.path("measurementIterations").asInt(), n.path("measurementTime").asText(), params,
                metric(n.path("primaryMetric")), samples(n.path("primaryMetric").path("rawData")), secondary);
    }

    /** rawData: one array per fork of its iteration scores; absent from JSON not written by JMH 1.x. */
    private static ForkSamples samples(JsonNode rawData) {
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : rawData) {
            List<Double> iterations = new ArrayList<>();
            fork.forEach(v -> iterations.add(number(v)));
            forks.add(iterations);
        }
        return new ForkSamples(forks);
    }

    private static Metric metric(JsonNode m) {
        Iterator<JsonNode> ci = m.path("scoreConfidence").elements();
        double low = ci.hasNext() ? number(ci.next()) : Double.NaN;
        double high = ci.hasNext() ? number(ci.next()) : Double.NaN;
        return new Metric(number(m.path("score")), number(m.path("scoreError")), low, high,
                m.path("scoreUnit").asText());
    }

    /** JMH writes numbers it could not compute as the string "NaN": those, and anything else odd, are NaN. */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException ignored) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
