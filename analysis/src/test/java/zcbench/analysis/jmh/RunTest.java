package zcbench.analysis.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.Fixtures;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

class RunTest {
    @TempDir
    Path tmp;

    @Test
    void theLatestSymlinkIsNamedAfterTheRunItPointsTo() throws IOException {
        Path run = Fixtures.copy(Fixtures.SEED_SINK, tmp);
        Path latest = Files.createSymbolicLink(tmp.resolve("latest"), run);
        assertEquals(Fixtures.SEED_SINK, Run.load(latest).name());
        assertEquals(run.toRealPath(), Run.load(latest).dir());
    }

    @Test
    void readsEveryResultWithItsParamsCountersAndEnvironment() {
        Run run = Run.load(Fixtures.resource(Fixtures.SEED_SINK));
        assertEquals(9, run.results().size());
        assertEquals(Fixtures.SEED_SINK, run.name());
        assertTrue(run.notes().isEmpty(), run.notes().toString());
        JmhResult r = run.results().getFirst();
        assertEquals("zcbench.harness.bench.UdpSendBenchmark.send", r.benchmark());
        assertEquals(Fixtures.params("copy", 65435, 1, "false", "on", "sink", "last"), r.zcbenchRow().orElseThrow());
        assertEquals(3, r.measurementIterations());
        for (String counter : new String[] {"packets", "bytes", "notifications", "copied", "retries", "enters"}) {
            assertTrue(Double.isFinite(r.secondaryScore(counter)), counter);
        }
        assertEquals("6.18.44-fc-v595", run.env().get("kernel"));
        assertEquals("2", run.env().get("cpus_online"));
        assertEquals("NOP SENDMSG SEND RECV SEND_ZC SENDMSG_ZC", run.env().get("io_uring_ops"));
    }

    /** A fragment of a jmh.json from before ubuf_cache had one name: read as ubuf_cache, keyed and labelled so. */
    @Test
    void aJmhJsonFromBeforeTheRenameReadsUbufCacheAsTheKnobsName() throws IOException {
        String old = """
                [{"jmhVersion" : "1.37", "benchmark" : "zcbench.harness.bench.UdpSendBenchmark.send", "mode" : "thrpt",
                  "threads" : 1, "forks" : 1, "warmupIterations" : 1, "warmupTime" : "1 s",
                  "measurementIterations" : 2, "measurementTime" : "1 s",
                  "params" : {"batch" : "8", "cpu" : "last", "flush" : "false", "payload" : "65435",
                              "target" : "sink", "ubufCache" : "off", "variant" : "uring_zc_fixed"},
                  "primaryMetric" : {"score" : 70000.0, "scoreError" : 900.0, "scoreConfidence" : [69100.0, 70900.0],
                                     "scoreUnit" : "ops/s", "rawData" : [[69900.0, 70100.0]]},
                  "secondaryMetrics" : {}}]
                """;
        Path oldJson = Files.writeString(tmp.resolve("old.json"), old);
        Path newJson = Files.writeString(tmp.resolve("new.json"), old.replace("\"ubufCache\"", "\"ubuf_cache\""));
        Row p = Run.load(oldJson).results().getFirst().zcbenchRow().orElseThrow();
        assertEquals(Run.load(newJson).results().getFirst().zcbenchRow().orElseThrow(), p);
        assertEquals("off", p.value(Knobs.UBUF_CACHE));
        assertEquals("uring_zc_fixed-65435-b8-flush=false-ubuf_cache=off-sink", p.key());
        assertEquals(Map.of("batch", "8", "cpu", "last", "flush", "false", "payload", "65435", "target", "sink",
                "ubuf_cache", "off", "variant", "uring_zc_fixed"), Run.load(oldJson).results().getFirst().params());
    }

    @Test
    void nanErrorsOfSingleIterationRowsAreMissingValuesNotCrashes() {
        Run run = Run.load(Fixtures.resource(Fixtures.SMOKE_SINK));
        assertEquals(5, run.results().size());
        for (JmhResult r : run.results()) {
            assertEquals(1, r.measurementIterations());
            Metric m = r.primary();
            assertTrue(Double.isFinite(m.score()));
            assertTrue(Double.isNaN(m.error()));
            assertTrue(Double.isNaN(m.low()) && Double.isNaN(m.high()));
            assertEquals(1, m.perSecondFactor());
        }
    }

    @Test
    void textOnlySecondaryResultsAreLeftOutAndTheNumericOnesKept() throws IOException {
        // Written by JMH with async-profiler and JFR: "async" and "jfr" have score "NaN" and no numbers.
        assertTrue(Files.readString(Fixtures.resource(Fixtures.FLAME_SINK).resolve("jmh.json"))
                .contains("\"async\" : {\n                \"score\" : \"NaN\","));
        Run run = Run.load(Fixtures.resource(Fixtures.FLAME_SINK));
        Set<String> expected = new TreeSet<>(Set.of("bytes", "copied", "cpu_ns_per_mib", "cpu_ns_per_packet",
                "cpu_sys_pct", "cpu_user_pct", "enters", "notifications", "packets", "retries"));
        run.results().forEach(r -> assertEquals(expected, new TreeSet<>(r.secondary().keySet())));
        assertTrue(run.notes().isEmpty(), run.notes().toString());
    }

    @Test
    void otherThroughputUnitsAreConvertedToPerSecond() {
        // JMH writes ops/ms, ops/us ... with -tu; no zcbench run does, so the factor is checked on its own.
        assertEquals(1000, new Metric(9.8, 0.1, 9.7, 9.9, "ops/ms").perSecondFactor());
        assertEquals(1e6, new Metric(1, 0, 1, 1, "ops/us").perSecondFactor());
        assertTrue(Double.isNaN(new Metric(1, 0, 1, 1, "us/op").perSecondFactor()));
    }

    @Test
    void aJsonFileOutsideARunFolderIsARunOfItsOwnWithoutEnvironment() throws IOException {
        Path json = Fixtures.copyAs(Fixtures.SMOKE_SINK + "/jmh.json", tmp.resolve("smoke.json"));
        Run run = Run.load(json);
        assertEquals("smoke.json", run.name());
        assertEquals(tmp.toRealPath(), run.dir());
        assertTrue(run.env().isEmpty());
        assertEquals(5, run.results().size());
    }

    @Test
    void nestedEnvironmentObjectsBecomeDottedKeysAndArraysCompactJson() throws IOException {
        Path run = Fixtures.copy(Fixtures.SMOKE_SINK, tmp);
        Files.writeString(run.resolve("env.json"), "{\"cpus_online\": 2, \"cpu_vulnerabilities\": {\"meltdown\": "
                + "\"Not affected\", \"spectre_v2\": \"Mitigation: Retpolines\"}, \"list\": [1, 2]}");
        Map<String, String> env = Run.load(run).env();
        assertEquals("Not affected", env.get("cpu_vulnerabilities.meltdown"));
        assertEquals("Mitigation: Retpolines", env.get("cpu_vulnerabilities.spectre_v2"));
        assertEquals("[1,2]", env.get("list"));
        assertFalse(env.containsKey("cpu_vulnerabilities"));
    }

    @Test
    void theHarnessesEnvJsonCarriesProvenance() {
        Map<String, String> env = Run.load(Fixtures.resource(Fixtures.SEED_SINK_FORKS)).env();
        assertTrue(env.get("zcbench_version").matches("[0-9a-f]{12}(-dirty)?"), env.get("zcbench_version"));
        assertTrue(env.get("command_line").contains("benchmarks.jar run --plan seed"), env.get("command_line"));
        assertEquals("seed", env.get("plan"));
        for (String key : List.of("kernel_cmdline", "transparent_hugepage", "cpu_governor", "steal_pct_during_run",
                "loadavg_at_start", "loadavg_at_end", "finished_at")) {
            assertFalse(env.getOrDefault(key, "").isEmpty(), key);
        }
        assertTrue(env.keySet().stream().anyMatch(k -> k.startsWith("cpu_vulnerabilities.")), env.keySet().toString());
    }

    @Test
    void aSmokeRunIsNotAMeasurementAndSaysWhy() {
        String smoke = Run.load(Fixtures.resource(Fixtures.SMOKE_SINK)).notAMeasurement().orElseThrow();
        assertTrue(smoke.startsWith("NOT A MEASUREMENT: Its rows were measured without warm-up"), smoke);
        assertTrue(smoke.contains("with one sample, so they have no interval"), smoke);
        assertTrue(Run.load(Fixtures.resource(Fixtures.FLAME_SINK)).notAMeasurement().isPresent());
        for (String measured : List.of(Fixtures.SEED_SINK, Fixtures.SEED_SINK_FORKS, Fixtures.NOISY_FORK_SINK)) {
            assertTrue(Run.load(Fixtures.resource(measured)).notAMeasurement().isEmpty(), measured);
        }
    }
}
