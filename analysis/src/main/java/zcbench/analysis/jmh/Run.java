package zcbench.analysis.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zcbench.analysis.AnalysisException;

/**
 * One zcbench run as the analysis sees it: its zcbench result rows (those with zcbench's parameters
 * and a throughput score), the environment from env.json beside it (key to value, nested values as
 * compact JSON; empty when absent), and notes about anything it left out.
 *
 * @param dir the folder outputs go to by default: the run folder, or the folder holding the JSON file
 */
public record Run(Path dir, String name, Path jmhJson, List<JmhResult> results, Map<String, String> env,
        List<String> notes) {

    public static final String JMH_JSON = "jmh.json";
    public static final String ENV_JSON = "env.json";

    /** Loads a run from a run folder or a JMH JSON file; throws {@link AnalysisException} on bad input. */
    public static Run load(Path path) {
        Path abs = real(path.toAbsolutePath().normalize());
        Path json = Files.isDirectory(abs) ? abs.resolve(JMH_JSON) : abs;
        if (Files.isDirectory(abs) && !Files.isRegularFile(json)) {
            throw new AnalysisException(abs + " holds no " + JMH_JSON
                    + "; pass a zcbench run folder (results/<run>) or a JMH JSON file.");
        }
        List<JmhResult> all = JmhJson.read(json);
        List<String> notes = new ArrayList<>();
        List<JmhResult> kept = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        List<String> notThroughput = new ArrayList<>();
        for (JmhResult r : all) {
            if (r.zcbenchParams().isEmpty()) {
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
        String name = json.getFileName().toString().equals(JMH_JSON) ? dir.getFileName().toString()
                : json.getFileName().toString();
        return new Run(dir, name, json, List.copyOf(kept), env(dir.resolve(ENV_JSON), notes), List.copyOf(notes));
    }

    /** results/latest is a symlink: name the run after the folder it points to. */
    private static Path real(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            return path;
        }
    }

    private static Map<String, String> env(Path file, List<String> notes) {
        Map<String, String> env = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return env;
        }
        try {
            JsonNode root = JmhJson.readTree(file);
            if (!root.isObject()) {
                notes.add(ENV_JSON + " is not a JSON object, so the environment is not shown.");
                return env;
            }
            root.properties().forEach(e -> env.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        } catch (AnalysisException e) {
            // The results are still worth reporting without their environment.
            notes.add(ENV_JSON + " could not be read, so the environment is not shown: " + e.getMessage());
        }
        return env;
    }
}
