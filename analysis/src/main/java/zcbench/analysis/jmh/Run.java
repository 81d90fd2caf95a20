package zcbench.analysis.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import zcbench.analysis.AnalysisException;
import zcbench.vocabulary.ResultFiles;

/**
 * One zcbench run as the analysis sees it: its zcbench result rows (those with zcbench's parameters
 * and a throughput score), the environment from env.json beside it (key to value, the keys of nested
 * objects joined with a dot, arrays as compact JSON; empty when absent), and notes about anything it left out.
 *
 * @param dir the folder outputs go to by default: the run folder, or the folder holding the JSON file
 */
public record Run(Path dir, String name, Path jmhJson, List<JmhResult> results, Map<String, String> env,
        List<String> notes) {

    /** Loads a run from a run folder or a JMH JSON file; throws {@link AnalysisException} on bad input. */
    public static Run load(Path path) {
        Path abs = real(path.toAbsolutePath().normalize());
        Path json = Files.isDirectory(abs) ? abs.resolve(ResultFiles.JMH_JSON) : abs;
        if (Files.isDirectory(abs) && !Files.isRegularFile(json)) {
            throw new AnalysisException(abs + " holds no " + ResultFiles.JMH_JSON
                    + "; pass a zcbench run folder (results/<run>) or a JMH JSON file.");
        }
        List<JmhResult> all = JmhJson.read(json);
        List<String> notes = new ArrayList<>();
        List<JmhResult> kept = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        List<String> notThroughput = new ArrayList<>();
        for (JmhResult r : all) {
            if (r.zcbenchRow().isEmpty()) {
                foreign.add(r.benchmark());
            } else if (!r.primary().isThroughput()) {
                notThroughput.add(r.benchmark() + " (" + r.mode() + ", " + r.primary().unit() + ")");
            } else {
                kept.add(r);
            }
        }
        if (kept.isEmpty() && notThroughput.isEmpty()) {
            throw new AnalysisException(json + " holds JMH results without zcbench's parameters (variant, payload, "
                    + "batch, target), e.g. " + all.getFirst().benchmark()
                    + "; pass the jmh.json of a zcbench run.");
        }
        if (kept.isEmpty()) {
            throw new AnalysisException(json + " holds no throughput results (" + notThroughput.getFirst()
                    + "); run the benchmark in mode thrpt (zcbench's default, or -bm thrpt).");
        }
        if (!foreign.isEmpty()) {
            notes.add("Left out " + foreign.size() + " result(s) without zcbench's parameters, e.g. "
                    + foreign.getFirst() + ".");
        }
        if (!notThroughput.isEmpty()) {
            notes.add("Left out " + notThroughput.size() + " result(s) not measured as throughput, e.g. "
                    + notThroughput.getFirst() + ".");
        }
        Path dir = json.getParent();
        String name = json.getFileName().toString().equals(ResultFiles.JMH_JSON) ? dir.getFileName().toString()
                : json.getFileName().toString();
        Map<String, String> env = env(dir.resolve(ResultFiles.ENV_JSON), notes);
        List<JmhResult> results = inRounds(env) ? kept.stream().map(JmhResult::inRounds).toList() : kept;
        return new Run(dir, name, json, List.copyOf(results), env, List.copyOf(notes));
    }

    /** env.json's "order" of a run measured in rounds (the harness's TrialOrder); older runs have none. */
    public static final String ORDER = "order";
    public static final String ROUNDS = "rounds";

    /** Whether the run measured its rows in rounds, fork i of every row in round i. */
    public static boolean inRounds(Map<String, String> env) {
        return ROUNDS.equals(env.get(ORDER));
    }

    /**
     * Why this run's numbers are not a measurement, as the first line of every output says it; empty when they
     * are one. A run is not one when each of its rows either had no warm-up (its numbers include the JIT
     * compiler at work) or a single sample (no interval): what plan smoke does.
     */
    public Optional<String> notAMeasurement() {
        boolean cold = results.stream().anyMatch(r -> r.warmupIterations() == 0);
        boolean single = results.stream().anyMatch(r -> r.forks() * r.measurementIterations() < 2);
        if (!results.stream().allMatch(r -> r.warmupIterations() == 0 || r.forks() * r.measurementIterations() < 2)) {
            return Optional.empty();
        }
        String why = (cold ? "without warm-up, so they include the JIT compiler at work" : "")
                + (cold && single ? ", and " : "") + (single ? "with one sample, so they have no interval" : "");
        return Optional.of("NOT A MEASUREMENT: " + ("smoke".equals(env.get("plan")) ? "plan smoke checks that every "
                + "variant runs. " : "") + "Its rows were measured " + why + ": they say nothing about speed, so "
                + "no speedups and no RFC figures are shown. Measure with ./zcbench run --plan seed.");
    }

    /** results/latest is a symlink: name the run after the folder it points to. */
    private static Path real(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            return path;
        }
    }

    /** Nested objects become dotted keys (cpu_vulnerabilities.spectre_v2), so that each value is one line. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> env) {
        node.properties().forEach(e -> {
            String key = prefix + e.getKey();
            if (e.getValue().isObject() && !e.getValue().isEmpty()) {
                flatten(key + ".", e.getValue(), env);
            } else {
                env.put(key, e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        });
    }

    private static Map<String, String> env(Path file, List<String> notes) {
        Map<String, String> env = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return env;
        }
        try {
            JsonNode root = JmhJson.readTree(file);
            if (!root.isObject()) {
                notes.add(ResultFiles.ENV_JSON + " is not a JSON object, so the environment is not shown.");
                return env;
            }
            flatten("", root, env);
        } catch (AnalysisException e) {
            // The results are still worth reporting without their environment.
            notes.add(ResultFiles.ENV_JSON + " could not be read, so the environment is not shown: " + e.getMessage());
        }
        return env;
    }
}
