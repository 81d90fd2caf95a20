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
import org.junit.jupiter.params.provider.ValueSource;

import zcbench.analysis.rfc.V5Figures;
import zcbench.variants.SendConfig;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
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
        List<Row> rfc = Plan.FULL.rows().stream().filter(r -> r.declaredVariant().rfc())
                .filter(r -> Knobs.REST.stream().filter(k -> k != Knobs.POLL && k != Knobs.VERIFY
                        && k != Knobs.FLUSH && k != Knobs.UBUF_CACHE).allMatch(k -> atDefault(r, k))).toList();
        assertEquals(3 * (4 + 8 + 2 + 8 + 8 + 5), rfc.size());
        // per payload (65435, 4096): 2 sendmsg variants, 3 defer, iov 2..16 on uring_zc and uring_sendmsg_zc and
        // on uring_sendmsg_zc_fixed where its registered entries need few enough fragments, 4 knobs x 2 rows
        assertEquals(rfc.size() + later(65435) + later(4096), Plan.FULL.rows().size());
        assertEquals(152, Plan.FULL.rows().size());
    }

    private static int later(int payload) {
        long fixedIovs = List.of("2", "4", "8", "16").stream().filter(iov -> accepts(payload, iov)).count();
        return 2 + 3 + 4 + 4 + (int) fixedIovs + 8;
    }

    private static boolean accepts(int payload, String iov) {
        try {
            SendConfig.of(Row.of(Variant.of("uring_sendmsg_zc_fixed"), payload, 8, false, true).with(Knobs.IOV, iov)::value);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    private static boolean atDefault(Row r, Knob k) {
        return r.value(k.name()).equals(k.defaultValue());
    }

    /**
     * Every pair the modern table shows is in full at 65435 and 4096 bytes: each later variant beside its earlier
     * counterpart, and each later knob's every other value beside the row at its default.
     */
    @ParameterizedTest
    @ValueSource(ints = {65435, 4096})
    void fullHasEveryLaterVariantAndKnobValueBesideTheRowItChanges(int payload) {
        List<Row> rows = Plan.FULL.rows().stream().filter(r -> r.value(Knobs.PAYLOAD.name())
                .equals(Integer.toString(payload))).toList();
        Set<Row> all = new HashSet<>(rows);
        for (Variant v : List.of(Variant.of("uring_sendmsg_zc"), Variant.of("uring_sendmsg_zc_fixed"))) {
            Row later = Row.of(v, payload, 8, false, true);
            assertTrue(all.contains(later), later.label());
            Row earlier = Row.of(v == Variant.of("uring_sendmsg_zc") ? Variant.of("uring_zc") : Variant.of("uring_zc_fixed"), payload, 8,
                    false, true);
            assertTrue(all.contains(earlier), earlier.label());
        }
        for (Knob k : List.of(Knobs.SETUP, Knobs.IOV, Knobs.MEMORY, Knobs.IP, Knobs.THREADS)) {
            List<String> others = k == Knobs.THREADS ? List.of("2")
                    : ((Knob.Choices) k.values()).allowed().stream().filter(v -> !v.equals(k.defaultValue())).toList();
            for (String value : others) {
                List<Row> changed = rows.stream().filter(r -> r.value(k.name()).equals(value)).toList();
                assertTrue(!changed.isEmpty(), k.name() + "=" + value + " at " + payload);
                for (Row r : changed) {
                    Row base = r.with(k, k.defaultValue());
                    assertTrue(all.contains(base), r.label() + " has no row beside it at " + k.name() + "="
                            + k.defaultValue());
                }
            }
        }
    }

    /** A pair measured seconds apart: between a later row and the row it changes there are only later rows. */
    @Test
    void fullMeasuresEachLaterRowRightAfterTheRowItChanges() {
        List<Knob> later = List.of(Knobs.SETUP, Knobs.IOV, Knobs.MEMORY, Knobs.IP, Knobs.THREADS);
        List<Row> rows = Plan.FULL.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            for (Knob k : later) {
                if (!atDefault(r, k)) {
                    int base = rows.indexOf(r.with(k, k.defaultValue()));
                    assertTrue(base >= 0 && base < i, r.label());
                    assertTrue(rows.subList(base + 1, i).stream().noneMatch(b -> b.declaredVariant().rfc()
                            && later.stream().allMatch(l -> atDefault(b, l))), r.label());
                }
            }
        }
    }

    @Test
    void fullStatesItsRowsAndTime() {
        assertTrue(Plan.FULL.describe().contains(": 152 rows, "), Plan.FULL.describe());
        assertTrue(Plan.FULL.spec().estimatedSeconds() <= 46 * 60, Plan.FULL.describe());
    }

    @Test
    void smokeSendsEachVariantOnce() {
        // The RFC's five; the send paths that came after it join a plan only when one names them.
        assertEquals(List.of(Variant.of("copy"), Variant.of("msg_zerocopy"), Variant.of("uring_send"), Variant.of("uring_zc"),
                Variant.of("uring_zc_fixed")), Plan.SMOKE.rows().stream().map(Row::declaredVariant).toList());
    }

    @Test
    void unknownPlanNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plan.of("fast"));
        assertEquals("unknown plan 'fast'; one of: seed, sizes, full, modern, crossover, v5, jvm, jvm-tcp, smoke", e.getMessage());
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
            Map<String, String> params = new HashMap<>(row.knobs());
            params.put(Knobs.TARGET, "sink");
            assertTrue(V5Figures.lookup(Row.read(params).orElseThrow()).isPresent(), "a figure for " + row.label());
        }
    }

    /** Both halves of the JVM comparison, the sink's and the peer's, fit in twelve minutes together. */
    @Test
    void jvmHoldsTheJavaRowsBesideZcbenchsAndStaysUnderTwelveMinutes() {
        assertTrue(Plan.JVM.spec().estimatedSeconds() + Plan.JVM_TCP.spec().estimatedSeconds() <= 12 * 60,
                Plan.JVM.describe() + "; " + Plan.JVM_TCP.describe());
        assertEquals(18, Plan.JVM.rows().size());
        assertEquals(List.of("65435", "16384", "4096"), Plan.JVM.rows().stream().map(r -> r.value("payload"))
                .distinct().toList());
        assertEquals(List.of("nio", "netty_epoll", "netty_uring", "copy", "uring_send", "uring_zc_fixed"),
                Plan.JVM.rows().stream().map(r -> r.variant()).distinct().toList());
        assertTrue(Plan.JVM.rows().stream().allMatch(r -> r.value("batch").equals("8") && r.value("protocol").equals("udp")));
        assertEquals(List.of("nio payload=65435 batch=8 protocol=tcp", "netty_epoll payload=65435 batch=8 protocol=tcp",
                "netty_uring payload=65435 batch=8 protocol=tcp",
                "netty_uring payload=65435 batch=8 protocol=tcp zc_threshold=16384",
                "msg_zerocopy payload=65435 batch=8 ubuf_cache=on protocol=tcp",
                "uring_zc payload=65435 batch=8 flush=false ubuf_cache=on protocol=tcp"),
                Plan.JVM_TCP.rows().stream().map(Row::label).toList());
    }

    /** The README states every plan's timing exactly as the help does (both come from the plans). */
    @ParameterizedTest
    @EnumSource(Plan.class)
    void theReadmeStatesEachPlansRealTiming(Plan plan) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains(plan.describe()), "README.md lacks: " + plan.describe());
    }
}
