package zcbench.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import zcbench.analysis.jmh.Params;
import zcbench.analysis.rfc.V5Figures;
import zcbench.variants.SendConfig;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

class PlanTest {

    @ParameterizedTest
    @EnumSource(Plan.class)
    void everyRowIsMeaningfulAndMeasuredOnce(Plan plan) {
        Set<Row> seen = new HashSet<>();
        for (Row row : plan.rows()) {
            // The sender refuses knobs that mean nothing for its variant.
            SendConfig.of(row::value);
            assertTrue(seen.add(row), "measured twice: " + row.label());
        }
    }

    @Test
    void seedHoldsTheRfcRows() {
        List<String> labels = Plan.SEED.rows().stream().map(Row::label).toList();
        assertEquals(List.of(
                "copy payload=65435 batch=1",
                "msg_zerocopy payload=65435 batch=1 ubuf_cache=on",
                "uring_zc_fixed payload=65435 batch=1 flush=false ubuf_cache=on",
                "uring_zc_fixed payload=65435 batch=1 flush=true ubuf_cache=on",
                "uring_zc_fixed payload=65435 batch=8 flush=false ubuf_cache=on",
                "uring_zc_fixed payload=65435 batch=8 flush=true ubuf_cache=on",
                "uring_zc payload=65435 batch=8 flush=false ubuf_cache=on",
                "uring_send payload=65435 batch=8",
                "uring_zc_fixed payload=65435 batch=8 flush=false ubuf_cache=off"), labels);
    }

    @Test
    void fullIsTheWholeMeaningfulMatrix() {
        // per payload: copy 2x2 (batch, poll), msg_zerocopy 2x2x2 (batch, ubuf_cache, poll), uring_send 2,
        // uring_zc 2x2x2, uring_zc_fixed 2x2x2, and one verify row per variant
        assertEquals(3 * (4 + 8 + 2 + 8 + 8 + 5), Plan.FULL.rows().size());
    }

    @Test
    void smokeSendsEachVariantOnce() {
        // The RFC's five; the send paths that came after it join a plan only when one names them.
        assertEquals(List.of(Variant.COPY, Variant.MSG_ZEROCOPY, Variant.URING_SEND, Variant.URING_ZC,
                Variant.URING_ZC_FIXED), Plan.SMOKE.rows().stream().map(Row::variant).toList());
    }

    @Test
    void unknownPlanNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plan.of("fast"));
        assertEquals("unknown plan 'fast'; one of: seed, sizes, full, modern, crossover, v5, smoke", e.getMessage());
    }

    @Test
    void estimatesCountWarmupMeasurementAndForkStart() {
        PlanSpec s = new PlanSpec("x", new Timing(2, 3, 1000, 5, 2000), Plan.SEED.rows());
        assertEquals(2 * (3 + 10 + 1), s.estimatedSecondsPerRow());
        assertEquals(9 * 28 + 3, s.estimatedSeconds());
        assertEquals("4 min 15 s", PlanSpec.duration(s.estimatedSeconds()));
        assertEquals("3 forks x (1 x 1 s warm-up + 4 x 1 s)", Timing.MEASURED.describe());
        assertEquals("1 fork x 1 x 200 ms, no warm-up", Plan.SMOKE.timing().describe());
    }

    /** A measurement needs an interval that covers the variation between JVMs: two forks at least. */
    @ParameterizedTest
    @EnumSource(value = Plan.class, names = "SMOKE", mode = EnumSource.Mode.EXCLUDE)
    void everyPlanThatMeasuresRunsEachRowInTwoForksOrMore(Plan plan) {
        assertTrue(plan.timing().forks() >= 2, plan.describe());
        assertTrue(plan.timing().warmupIterations() >= 1, plan.describe());
        assertTrue(plan.timing().forks() * plan.timing().measurementIterations() >= 10, "enough samples per row");
    }

    @Test
    void seedStaysUnderThreeMinutesOnTwoCores() {
        assertTrue(Plan.SEED.spec().estimatedSeconds() <= 180, Plan.SEED.describe());
    }

    @Test
    void crossoverStaysUnderTwelveMinutesOnTwoCores() {
        assertTrue(Plan.CROSSOVER.spec().estimatedSeconds() <= 12 * 60, Plan.CROSSOVER.describe());
        assertEquals(50, Plan.CROSSOVER.rows().size());
        assertEquals(List.of("256", "512", "1024", "1500", "2048", "4096", "8192", "16384", "32768", "65435"),
                Plan.CROSSOVER.rows().stream().map(r -> r.value("payload")).distinct().toList());
    }

    @Test
    void v5HoldsTheLettersColumnsAtItsPayloads() {
        List<String> labels = Plan.V5.rows().stream().filter(r -> r.value("payload").equals("8000"))
                .map(Row::label).toList();
        assertEquals(List.of("uring_send payload=8000 batch=8",
                "uring_zc_fixed payload=8000 batch=8 flush=false ubuf_cache=on",
                "uring_zc_fixed payload=8000 batch=8 flush=true ubuf_cache=on"), labels);
        assertEquals(12, Plan.V5.rows().size());
        for (Row row : Plan.V5.rows()) {
            Map<String, String> params = new HashMap<>(row.params());
            params.put(Knobs.TARGET, "sink");
            assertTrue(V5Figures.lookup(Params.of(params).orElseThrow()).isPresent(), "a figure for " + row.label());
        }
    }

    /** The README states every plan's timing exactly as the help does (both come from the plans). */
    @ParameterizedTest
    @EnumSource(Plan.class)
    void theReadmeStatesEachPlansRealTiming(Plan plan) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains(plan.describe()), "README.md lacks: " + plan.describe());
    }
}
