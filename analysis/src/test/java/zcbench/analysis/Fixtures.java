package zcbench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import zcbench.vocabulary.Row;

/**
 * The fixtures under src/test/resources/fixtures (fixtures/README.md says where each comes from), copied
 * where a test may write beside them. The runs are real zcbench runs, their files as the harness wrote them;
 * only the bad inputs under bad/ are hand-made, and say so in their names.
 */
public final class Fixtures {
    /** Plan smoke to the sink: 5 rows at 65435 B, ONE iteration each, so JMH wrote no error (NaN). */
    public static final String SMOKE_SINK = "smoke-sink";
    /** Plan smoke to loopback, one iteration each: the kernel copied every zero-copy send. */
    public static final String SMOKE_LOOPBACK = "smoke-loopback";
    /** Plan seed to the sink: the RFC's 9 rows at 65435 B, 3 iterations, so 99.9% intervals. */
    public static final String SEED_SINK = "seed-sink";
    /** Plan seed to loopback: seed-sink's 9 rows, 3 iterations; the kernel copied every zero-copy send. */
    public static final String SEED_LOOPBACK = "seed-loopback";
    /** Plan sizes to the sink: 4 variants x 4096, 16384, 65435 B, 3 iterations. */
    public static final String SIZES_SINK = "sizes-sink";
    /**
     * Plan smoke to the sink with --flame cpu --jfr: flame/&lt;row&gt;.cpu.html, profile-summary.csv, and the
     * text-only secondary results async and jfr in jmh.json (the .collapsed files and jfr/ are not kept).
     */
    public static final String FLAME_SINK = "flame-smoke-sink";
    /** An earlier plan-seed run to the sink: 5 iterations, made before the CPU profiler existed. */
    public static final String SEED_SINK_EARLIER = "seed-sink-earlier";
    /** Plan seed to the sink in 3 forks of 3 short iterations each, on a busy machine: most rows noisy. */
    public static final String SEED_SINK_FORKS = "seed-sink-forks";
    /**
     * Plan smoke's rows in 3 forks of 3 iterations; a CPU hog ran on the sender's CPU during the second fork of
     * row 1 (copy), whose iterations dropped to about half.
     */
    public static final String NOISY_FORK_SINK = "noisy-fork-sink";

    /** Every real run, each with its speedup.csv as zcbench's report writes it. */
    public static final List<String> REAL_RUNS = List.of(SMOKE_SINK, SMOKE_LOOPBACK, SEED_SINK, SEED_LOOPBACK,
            SIZES_SINK, FLAME_SINK, SEED_SINK_EARLIER, SEED_SINK_FORKS, NOISY_FORK_SINK);

    private Fixtures() {
    }

    /** A row of a run from before poll and verify, as jmh.json names its parameters. */
    public static Row params(String variant, int payload, int batch, String flush, String ubufCache, String target,
            String cpu) {
        return Row.read(Map.of("variant", variant, "payload", Integer.toString(payload), "batch",
                Integer.toString(batch), "flush", flush, "ubuf_cache", ubufCache, "target", target, "cpu", cpu))
                .orElseThrow();
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a fixture (file or folder) into dir and returns the copy. */
    public static Path copy(String name, Path dir) {
        return copyAs(name, dir.resolve(resource(name).getFileName().toString()));
    }

    /** Copies a fixture (file or folder) to the path to, e.g. a run's jmh.json to a bare file of another name. */
    public static Path copyAs(String name, Path to) {
        Path from = resource(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /**
     * A copy of a real run whose primary scores (score, error, interval and every iteration of every fork) are
     * multiplied by factor: a run whose true ratio to the original is known exactly.
     */
    public static Path scaled(String name, double factor, Path to) {
        Path copy = copyAs(name, to);
        Path json = copy.resolve("jmh.json");
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode root = mapper.readTree(json.toFile());
            for (JsonNode result : root) {
                ObjectNode primary = (ObjectNode) result.get("primaryMetric");
                primary.put("score", primary.get("score").asDouble() * factor);
                primary.put("scoreError", primary.get("scoreError").asDouble() * factor);
                ArrayNode ci = (ArrayNode) primary.get("scoreConfidence");
                for (int i = 0; i < ci.size(); i++) {
                    ci.set(i, ci.get(i).asDouble() * factor);
                }
                for (JsonNode fork : primary.get("rawData")) {
                    ArrayNode iterations = (ArrayNode) fork;
                    for (int i = 0; i < iterations.size(); i++) {
                        iterations.set(i, iterations.get(i).asDouble() * factor);
                    }
                }
            }
            mapper.writeValue(json.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /**
     * A copy of a real run (into dir) with the secondary result {@code metric} added to every row as one
     * iteration, row i (in jmh.json's order) given {@code value} of i: figures a run of today's profiler has.
     */
    public static Path withSecondary(String name, Path dir, String metric, String unit, IntToDoubleFunction value) {
        return withSecondary(copy(name, dir), metric, unit, value);
    }

    /** The same on a copy already made (run), so that a row can be given several such figures. */
    public static Path withSecondary(Path copy, String metric, String unit, IntToDoubleFunction value) {
        Path json = copy.resolve("jmh.json");
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode root = mapper.readTree(json.toFile());
            for (int i = 0; i < root.size(); i++) {
                double v = value.applyAsDouble(i);
                ObjectNode result = mapper.createObjectNode().put("score", v).put("scoreError", "NaN")
                        .put("scoreUnit", unit);
                result.putArray("rawData").addArray().add(v);
                ((ObjectNode) root.get(i).get("secondaryMetrics")).set(metric, result);
            }
            mapper.writeValue(json.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    public static List<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
