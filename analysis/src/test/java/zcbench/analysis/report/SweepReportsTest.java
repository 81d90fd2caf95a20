package zcbench.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.Fixtures;
import zcbench.analysis.crossover.Crossover;
import zcbench.analysis.crossover.CrossoverCsv;
import zcbench.analysis.v5.V5Table;
import zcbench.vocabulary.ResultFiles;

/**
 * Reports of runs made from seed-sink-forks (3 forks of 3 iterations per row): each of its rows copied to other
 * payloads with its samples scaled to chosen ops/s, their spread kept, so that the ratios are known.
 */
class SweepReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A row of seed-sink-forks (by variant, batch and flush) at another payload, at about ops ops/s. */
    private static JsonNode at(ArrayNode seed, String variant, int batch, String flush, int payload, double ops) {
        for (JsonNode r : seed) {
            JsonNode p = r.get("params");
            if (p.get("variant").asText().equals(variant) && p.get("batch").asInt() == batch
                    && p.get("flush").asText().equals(flush) && p.get("ubufCache").asText().equals("on")) {
                ObjectNode copy = r.deepCopy();
                ((ObjectNode) copy.get("params")).put("payload", Integer.toString(payload));
                ObjectNode primary = (ObjectNode) copy.get("primaryMetric");
                double factor = ops / primary.get("score").asDouble();
                primary.put("score", ops);
                primary.put("scoreError", primary.get("scoreError").asDouble() * factor);
                for (JsonNode fork : primary.get("rawData")) {
                    for (int i = 0; i < fork.size(); i++) {
                        ((ArrayNode) fork).set(i, fork.get(i).asDouble() * factor);
                    }
                }
                return copy;
            }
        }
        throw new IllegalArgumentException(variant);
    }

    private Path run(String name, List<JsonNode> results) throws IOException {
        Path dir = Fixtures.copyAs(Fixtures.SEED_SINK_FORKS, tmp.resolve(name));
        Files.delete(dir.resolve(ResultFiles.SPEEDUP_CSV));
        ArrayNode all = JSON.createArrayNode();
        results.forEach(all::add);
        JSON.writeValue(dir.resolve(ResultFiles.JMH_JSON).toFile(), all);
        return dir;
    }

    @Test
    void aSweepGetsItsCrossoversInTheCsvTheHeadlineTheTextAndAChart() throws IOException {
        ArrayNode seed = (ArrayNode) JSON.readTree(Fixtures.resource(Fixtures.SEED_SINK_FORKS)
                .resolve(ResultFiles.JMH_JSON).toFile());
        Map<Integer, double[]> ratios = Map.of(512, new double[] {0.6, 1.1, 0.5}, 2048, new double[] {0.9, 1.2, 0.6},
                8192, new double[] {1.3, 1.5, 0.7}, 32768, new double[] {2.0, 2.0, 0.9});
        List<JsonNode> results = new ArrayList<>();
        ratios.forEach((payload, r) -> results.addAll(List.of(at(seed, "copy", 1, "false", payload, 500_000),
                at(seed, "msg_zerocopy", 1, "false", payload, 500_000 * r[0]),
                at(seed, "uring_send", 8, "false", payload, 100_000),
                at(seed, "uring_zc", 8, "false", payload, 100_000 * r[1]),
                at(seed, "uring_zc_fixed", 8, "false", payload, 100_000 * r[2]))));
        RunReport report = RunReports.writeAll(run("sweep", results));

        assertEquals(List.of(Crossover.Kind.CROSSES, Crossover.Kind.FROM_SMALLEST, Crossover.Kind.NOT_WITHIN),
                report.crossovers().stream().map(Crossover::kind).toList());
        // 0.9 at 2048 to 1.3 at 8192: a quarter of the way on a log scale
        assertEquals(2048 * Math.pow(4, 0.25), report.crossovers().getFirst().payload(), 2048 * 0.02);
        Path dir = report.files().getFirst().getParent();
        List<String> csv = Files.readAllLines(dir.resolve(ResultFiles.CROSSOVER_CSV));
        assertEquals(String.join(",", CrossoverCsv.COLUMNS), csv.getFirst());
        assertEquals(1 + 3 * 4, csv.size());
        assertTrue(csv.get(1).startsWith("msg_zerocopy,copy,sink,512,"), csv.get(1));
        String text = report.renderText();
        assertTrue(text.contains("Zero-copy pays from about 512 bytes or below here: msg_zerocopy from 2"), text);
        String html = Files.readString(dir.resolve(ResultFiles.REPORT_HTML));
        assertTrue(html.contains("id=\"crossover-headline-1\""));
        assertTrue(html.contains("<svg id='crossover-chart'"));
        // A sweep's point comes first: its crossovers before the RFC's headline, its chart before the speedups.
        assertTrue(html.indexOf("id=\"crossover-headline-1\"") < html.indexOf("id=\"headline\""));
        assertTrue(html.indexOf("<svg id='crossover-chart'") < html.indexOf("<svg id='speedup-chart'"));
        assertTrue(html.contains("<g id='sweep-1' class='sweep-mark'>"));
        assertTrue(html.contains("class='sweep-cpu-mark'"), "CPU ns per KiB drawn");
        assertTrue(html.contains("id=\"crossover-12\""));
        assertTrue(Files.readString(dir.resolve(ResultFiles.SPEEDUP_MD)).contains("**Zero-copy pays from about"));
    }

    @Test
    void aRunWithoutASweepWritesNoCrossoverCsvAndNoV5Table() throws IOException {
        Path dir = Fixtures.copy(Fixtures.SIZES_SINK, tmp);
        RunReport report = RunReports.writeAll(dir);
        assertTrue(report.crossovers().isEmpty(), "three payloads are not a sweep");
        assertTrue(report.v5().isEmpty());
        assertFalse(Files.exists(dir.resolve(ResultFiles.CROSSOVER_CSV)));
        assertFalse(Files.readString(dir.resolve(ResultFiles.REPORT_HTML)).contains("crossover"));
    }

    @Test
    void planV5sRowsStandBesideTheLettersFigures() throws IOException {
        ArrayNode seed = (ArrayNode) JSON.readTree(Fixtures.resource(Fixtures.SEED_SINK_FORKS)
                .resolve(ResultFiles.JMH_JSON).toFile());
        List<JsonNode> results = new ArrayList<>();
        for (int payload : new int[] {600, 1200, 4000, 8000}) {
            results.add(at(seed, "uring_send", 8, "false", payload, 200_000));
            results.add(at(seed, "uring_zc_fixed", 8, "false", payload, 300_000));
            results.add(at(seed, "uring_zc_fixed", 8, "true", payload, 250_000));
        }
        RunReport report = RunReports.writeAll(run("v5", results));
        V5Table v5 = report.v5().orElseThrow();
        assertEquals(12, v5.lines().size());
        V5Table.Line zc8000 = v5.lines().get(1);
        assertEquals(8000, zc8000.published().payload());
        assertEquals(8 * 300_000, zc8000.sendsPerSecond(), 1);
        assertEquals(1.5, zc8000.speedup(), 1e-9);
        assertTrue(zc8000.speedupInterval().exists());
        assertEquals(2396600 / 1299916.0, zc8000.publishedSpeedup(), 1e-9);
        assertTrue(report.renderText().contains("2396600"), report.renderText());
        // Our sends/s carry the speedup table's marks: a NOISY row is NOISY here too.
        assertEquals(zc8000.ours().noisy(), zc8000.cells().get(3).endsWith(" NOISY"), zc8000.cells().get(3));
        Path dir = report.files().getFirst().getParent();
        String html = Files.readString(dir.resolve(ResultFiles.REPORT_HTML));
        assertTrue(html.contains("id=\"v5-12\""));
        assertTrue(html.contains("cover.1657643355.git.asml.silence@gmail.com"));
        assertTrue(Files.readString(dir.resolve(ResultFiles.SPEEDUP_MD)).contains("| 8000 | zc | "));
    }
}
