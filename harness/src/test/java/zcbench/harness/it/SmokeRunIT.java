package zcbench.harness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import zcbench.harness.plan.Plan;
import zcbench.harness.targets.SinkNetwork;

/**
 * benchmarks.jar end to end, as a user runs it: the smoke plan on the sink and on loopback, the
 * JMH command line, and bad input.
 */
class SmokeRunIT {
    private static final Path JAR = Path.of("target", "benchmarks.jar");
    private static final Set<String> ZERO_COPY = Set.of("msg_zerocopy", "uring_zc", "uring_zc_fixed");
    /**
     * Warm enough for C2 to have compiled the send path, so -prof gc sees the steady state; measured iterations of
     * a second, since what JMH itself allocates per iteration (some 10 KB) counts into B/op too: over 500 ms it
     * made copy, the row of fewest operations, read 0.96 to 1.3 B/op, at the limit whatever the send path did.
     */
    private static final List<String> SHORT = List.of("-wi", "2", "-w", "1s", "-i", "2", "-r", "1s");

    record Result(int exit, String output) {
    }

    static Result zcbench(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Djmh.ignoreLock=true",
                "-jar", JAR.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished in time");
        return new Result(p.exitValue(), out);
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
                    .parse(r).getRecords();
        }
    }

    private static Set<String> ownNamespaces() {
        return new TreeSet<>(SinkNetwork.unavailableReason() == null
                ? SinkNetwork.listNamespaces().stream().filter(n -> n.startsWith("zcbench-")).toList() : List.of());
    }

    @Test
    void smokeOnTheSinkMeasuresEveryVariantWithoutCopiesOrAllocation(@TempDir Path out) throws Exception {
        Set<String> namespacesBefore = ownNamespaces();
        List<String> args = new ArrayList<>(List.of("run", "--plan", "smoke", "--out", out.toString(), "-prof", "gc"));
        args.addAll(SHORT);
        Result r = zcbench(args);
        assertEquals(0, r.exit(), r.output());
        boolean sink = SinkNetwork.unavailableReason() == null;
        if (!sink) {
            assertTrue(r.output().contains("falling back to loopback"), r.output());
        }
        Path run = out.resolve("latest").toRealPath();
        assertTrue(run.getFileName().toString().endsWith("-smoke"), run.toString());
        for (String f : List.of("jmh.json", "env.json", "speedup.csv", "speedup.md", "report.html", "jmh.log")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        // With a warm-up and two samples per row, smoke's rows are measured: the run ends with the noise summary.
        assertTrue(r.output().lines().toList().getLast().matches("zcbench: \\d of 5 rows noisy.*"), r.output());
        assertTrue(Files.readString(run.resolve("report.html")).contains("<p class=\"headline\" id=\"headline\">"));
        // jmh.log keeps all five rows.
        assertEquals(5, Files.readAllLines(run.resolve("jmh.log")).stream()
                .filter(l -> l.startsWith("# zcbench row [")).count());
        JsonNode env = new ObjectMapper().readTree(run.resolve("env.json").toFile());
        assertTrue(env.path("zcbench_version").asText().matches("[0-9a-f]{12}(-dirty)?"), env.toString());
        assertTrue(env.path("command_line").asText().contains("benchmarks.jar run --plan smoke"), env.toString());
        assertEquals("smoke", env.path("plan").asText());
        // Measured in rounds, the default: the order and its seed kept, a line per fork in trials.csv.
        assertEquals("rounds", env.path("order").asText(), env.toString());
        assertTrue(env.path("seed").isIntegralNumber(), env.toString());
        assertEquals(6, Files.readAllLines(run.resolve("trials.csv")).size(), "a header and one line per fork");
        assertTrue(env.has("steal_pct_during_run") && env.has("finished_at") && env.has("kernel_cmdline"));

        List<CSVRecord> rows = csv(run.resolve("speedup.csv"));
        assertEquals(List.of("copy", "msg_zerocopy", "uring_send", "uring_zc", "uring_zc_fixed"),
                rows.stream().map(x -> x.get("variant")).toList());
        for (CSVRecord row : rows) {
            String v = row.get("variant");
            assertEquals(sink ? "sink" : "loopback", row.get("target"));
            // The row key joins the progress line, the CSV and the flame graph names.
            String key = row.get("row");
            assertTrue(key.startsWith(v + "-65435-b8-") && key.endsWith("-" + row.get("target")), key);
            assertTrue(r.output().contains(" " + key + "  (about "), key + " in " + r.output());
            double mbs = Double.parseDouble(row.get("mb_s"));
            assertTrue(mbs > 500 && mbs < 1_000_000, v + " MB/s " + mbs);
            assertTrue(Double.parseDouble(row.get("cpu_ns_per_packet")) > 0, v + " CPU cost");
            // The sender pinned (cpu=last): its CPU's figures, its own run time within them (ticks are 10 ms).
            double cpu = Double.parseDouble(row.get("cpu_ns_per_packet"));
            double sender = Double.parseDouble(row.get("sender_ns_per_packet"));
            assertTrue(sender > 0 && sender < 1.25 * cpu, v + " sender " + sender + " ns vs its CPU's " + cpu);
            assertTrue(Double.parseDouble(row.get("softirq_ns_per_packet")) >= 0, v + " softirq");
            assertTrue(Double.parseDouble(row.get("other_threads_ns_per_packet")) >= 0, v + " other threads");
            assertTrue(Double.parseDouble(row.get("cpu_s_per_gib")) > 0, v + " service demand");
            double steal = Double.parseDouble(row.get("steal_pct"));
            assertEquals(Boolean.toString(steal > 2), row.get("stolen"), v + " steal " + steal + " %");
            if (ZERO_COPY.contains(v)) {
                assertEquals(sink ? 0.0 : 100.0, Double.parseDouble(row.get("copied_pct")), v + " copied %");
                assertEquals(1.0, Double.parseDouble(row.get("notifications_per_packet")), 0.01, v);
            } else {
                assertEquals("", row.get("copied_pct"), v + " has no notifications");
            }
        }
        assertEquals(1.0, Double.parseDouble(rows.get(1).get("speedup")), 1e-9, "msg_zerocopy is the baseline");

        for (JsonNode result : new ObjectMapper().readTree(run.resolve("jmh.json").toFile())) {
            // JMH counts the trial's teardown into the last iteration, so the send path is judged
            // by the first measured iteration of each fork.
            JsonNode forks = result.at("/secondaryMetrics/gc.alloc.rate.norm/rawData");
            assertTrue(forks.size() > 0, "gc.alloc.rate.norm per iteration in jmh.json");
            for (JsonNode fork : forks) {
                double bytesPerOp = fork.get(0).asDouble(Double.NaN);
                assertTrue(bytesPerOp <= 1.0, result.at("/params/variant").asText() + " allocates " + bytesPerOp
                        + " B/op in its first measured iteration");
            }
        }
        assertEquals(namespacesBefore, ownNamespaces(), "every sink namespace removed after the run");
    }

    @Test
    void loopbackCopiesEveryZeroCopySendAndSaysSo(@TempDir Path out) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--plan", "smoke", "--target", "loopback",
                "--out", out.toString()));
        Result r = zcbench(args);
        assertEquals(0, r.exit(), r.output());
        List<CSVRecord> rows = csv(out.resolve("latest").resolve("speedup.csv"));
        for (CSVRecord row : rows) {
            if (ZERO_COPY.contains(row.get("variant"))) {
                assertEquals(100.0, Double.parseDouble(row.get("copied_pct")), row.get("variant"));
            }
        }
        // Plain smoke is no measurement, and every output says so first; the run's last line says it too.
        Path run = out.resolve("latest");
        assertTrue(Files.readString(run.resolve("speedup.csv")).startsWith("# NOT A MEASUREMENT: "));
        assertTrue(Files.readString(run.resolve("speedup.md")).startsWith("**NOT A MEASUREMENT: "));
        assertTrue(Files.readString(run.resolve("report.html")).contains("<p class=\"banner not-a-measurement\""));
        assertFalse(rows.getFirst().isMapped("speedup") || rows.getFirst().isMapped("rfc_mb_s"));
        assertEquals("zcbench: Not a measurement: no row is judged for noise; measure with ./zcbench run --plan seed.",
                r.output().lines().toList().getLast());
    }

    @Test
    void jmhCommandLineWorksAsInAnyJmhJar() throws Exception {
        Result list = zcbench(List.of("-l"));
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains("zcbench.harness.bench.SendBenchmark.send"), list.output());
        Result params = zcbench(List.of("-lp", "SendBenchmark"));
        assertTrue(params.output().contains("param \"variant\" = {copy, msg_zerocopy, uring_send, uring_zc, uring_zc_fixed}"),
                params.output());
    }

    @Test
    void helpSaysWhatEachPlanIsAndHowLongItTakes() throws Exception {
        Result r = zcbench(List.of("run", "--help"));
        assertEquals(0, r.exit(), r.output());
        String help = r.output().replaceAll("\\s+", " ");
        for (Plan plan : Plan.values()) {
            assertTrue(help.contains(plan.describe().replaceAll("\\s+", " ")), plan.describe() + " in " + r.output());
        }
        Result version = zcbench(List.of("--version"));
        assertTrue(version.output().matches("(?s)zcbench [0-9a-f]{12}(-dirty)?, JMH 1\\.37, Java .*"), version.output());
    }

    @Test
    void badInputGetsOneClearSentence() throws Exception {
        Result plan = zcbench(List.of("run", "--plan", "fast"));
        assertEquals(2, plan.exit(), plan.output());
        assertTrue(plan.output().contains("unknown plan 'fast'; one of: seed, sizes, full, modern, crossover, v5, "
                + "jvm, jvm-tcp, smoke"), plan.output());
        Result target = zcbench(List.of("run", "--target", "eth0"));
        assertEquals(2, target.exit(), target.output());
        assertTrue(target.output().contains("unknown target 'eth0'; one of: sink, forward, peer, loopback"), target.output());
        Result jmh = zcbench(List.of("run", "--plan", "smoke", "-f", "many"));
        assertEquals(2, jmh.exit(), jmh.output());
        assertTrue(jmh.output().contains("not a JMH option"), jmh.output());
    }
}
