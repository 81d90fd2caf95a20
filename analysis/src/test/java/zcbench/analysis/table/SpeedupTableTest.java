package zcbench.analysis.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.JmhResult;
import zcbench.analysis.jmh.Run;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

class SpeedupTableTest {
    private static final Run SEED = Run.load(Fixtures.resource(Fixtures.SEED_SINK));
    private static final Run SIZES = Run.load(Fixtures.resource(Fixtures.SIZES_SINK));
    private static final Run SMOKE_SINK = Run.load(Fixtures.resource(Fixtures.SMOKE_SINK));
    private static final Run SMOKE_LOOPBACK = Run.load(Fixtures.resource(Fixtures.SMOKE_LOOPBACK));

    private static SpeedupRow row(SpeedupTable t, String variant, int payload, int batch, String flush,
            String ubufCache) {
        return t.rows().stream().filter(r -> r.row().variant().equals(variant) && r.row().payload() == payload
                && r.row().batch() == batch && r.row().value(Knobs.FLUSH).equals(flush)
                && r.row().value(Knobs.UBUF_CACHE).equals(ubufCache)).findFirst().orElseThrow();
    }

    @Test
    void rowsAreSortedInTheFixedOrderAndNumberedFromOne() {
        SpeedupTable t = SpeedupTable.of(SEED, "msg_zerocopy");
        assertEquals(IntStream.rangeClosed(1, 9).boxed().toList(), t.rows().stream().map(SpeedupRow::no).toList());
        List<Row> params = t.rows().stream().map(SpeedupRow::row).toList();
        assertEquals(params.stream().sorted(RowLabels.ROW_ORDER).toList(), params);
        // jmh.json lists them in the plan's order (uring_zc_fixed before uring_zc and uring_send); the table does not.
        assertEquals("uring_zc_fixed", SEED.results().get(2).params().get("variant"));
        assertEquals(List.of("copy", "msg_zerocopy", "uring_send", "uring_zc", "uring_zc_fixed", "uring_zc_fixed",
                "uring_zc_fixed", "uring_zc_fixed", "uring_zc_fixed"), params.stream().map(Row::variant).toList());
        assertEquals(List.of("1 false on", "1 true on", "8 false on", "8 false off", "8 true on"),
                params.subList(4, 9).stream().map(p -> p.batch() + " " + p.value(Knobs.FLUSH) + " "
                        + p.value(Knobs.UBUF_CACHE)).toList());
        SpeedupTable sizes = SpeedupTable.of(SIZES, "msg_zerocopy");
        assertEquals(List.of(4096, 16384, 65435), sizes.groups().stream().map(SpeedupTable.Group::payload).toList());
    }

    @Test
    void labelsAreShapedLikeTheRfcs() {
        SpeedupTable t = SpeedupTable.of(SEED, "msg_zerocopy");
        assertEquals("io_uring zc fixed, flush=false, nr_reqs=8",
                row(t, "uring_zc_fixed", 65435, 8, "false", "on").test());
        assertEquals("io_uring zc fixed, flush=false, nr_reqs=8, ubuf_cache=off",
                row(t, "uring_zc_fixed", 65435, 8, "false", "off").test());
        assertEquals("copy (no MSG_ZEROCOPY), batch=1", row(t, "copy", 65435, 1, "false", "on").test());
        assertEquals("msg_zerocopy -z, batch=1", row(t, "msg_zerocopy", 65435, 1, "false", "on").test());
        assertEquals("io_uring send, nr_reqs=8", row(t, "uring_send", 65435, 8, "false", "on").test());
        assertEquals(t.rows().size(), t.rows().stream().map(SpeedupRow::test).distinct().count());
    }

    @Test
    void mbPerSecondIsScoreTimesBatchTimesPayloadOverMebibyte() {
        SpeedupTable t = SpeedupTable.of(SEED, "msg_zerocopy");
        SpeedupRow r = row(t, "uring_zc_fixed", 65435, 8, "false", "on");
        JmhResult raw = SEED.results().stream().filter(x -> x.zcbenchRow().orElseThrow().equals(r.row()))
                .findFirst().orElseThrow();
        double factor = 8.0 * 65435 / 1048576;
        assertEquals(raw.primary().score() * factor, r.mbS().score(), 1e-9);
        assertEquals(raw.primary().error() * factor, r.mbS().error(), 1e-9);
        assertEquals(raw.primary().low() * factor, r.mbS().low(), 1e-9);
        assertEquals(raw.primary().high() * factor, r.mbS().high(), 1e-9);
        assertEquals(37900.148, r.mbS().score(), 5e-4); // as the harness's speedup.csv says
    }

    @Test
    void speedupIsAgainstTheBaselineOfTheSamePayloadAndTargetPreferringBatchThenFlushThenUbufCache() {
        SpeedupTable t = SpeedupTable.of(SEED, "msg_zerocopy");
        SpeedupRow base = row(t, "msg_zerocopy", 65435, 1, "false", "on");
        SpeedupRow zc8 = row(t, "uring_zc_fixed", 65435, 8, "false", "on");
        assertTrue(t.rows().stream().allMatch(r -> r.baselineNo() == base.no()));
        assertEquals(zc8.mbS().score() / base.mbS().score(), zc8.speedup(), 1e-12);
        assertEquals(1.0, base.speedup(), 1e-12);
        assertTrue(t.isBaseline(base) && !t.isBaseline(zc8));
        // Against uring_zc_fixed, which seed-sink has at both batches, both flushes and both ubuf_caches:
        SpeedupTable fixed = SpeedupTable.of(SEED, "uring_zc_fixed");
        int b1 = row(fixed, "uring_zc_fixed", 65435, 1, "false", "on").no();
        int b8 = row(fixed, "uring_zc_fixed", 65435, 8, "false", "on").no();
        assertEquals(b1, row(fixed, "copy", 65435, 1, "false", "on").baselineNo());
        assertEquals(b1, row(fixed, "msg_zerocopy", 65435, 1, "false", "on").baselineNo());
        assertEquals(b8, row(fixed, "uring_zc", 65435, 8, "false", "on").baselineNo());
        assertEquals(b8, row(fixed, "uring_send", 65435, 8, "false", "on").baselineNo());
        SpeedupRow flushed = row(fixed, "uring_zc_fixed", 65435, 8, "true", "on");
        SpeedupRow off = row(fixed, "uring_zc_fixed", 65435, 8, "false", "off");
        assertEquals(flushed.no(), flushed.baselineNo());
        assertEquals(off.no(), off.baselineNo());
    }

    @Test
    void aBaselineVariantTheRunLacksLeavesSpeedupEmptyAndSaysSo() {
        SpeedupTable t = SpeedupTable.of(SIZES, "uring_send");
        assertTrue(t.rows().stream().allMatch(r -> Double.isNaN(r.speedup()) && r.baselineNo() == 0
                && Double.isNaN(r.rfcSpeedup())));
        for (int payload : List.of(4096, 16384, 65435)) {
            assertTrue(t.notes().contains("No uring_send row for " + payload + " bytes, sink: speedup left empty "
                    + "for its rows."), t.notes().toString());
        }
        assertTrue(SpeedupText.render(t).contains("No uring_send row for 4096 bytes, sink"));
    }

    @Test
    void anUnknownBaselineIsRejectedWithTheVariantsToPickFrom() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> SpeedupTable.of(SEED, "msg_zerocopi"));
        assertTrue(e.getMessage().contains("pick one of copy, msg_zerocopy"), e.getMessage());
    }

    @Test
    void rfcFiguresMapOntoSinkRowsWithUbufCacheOnAndTheKiloRequestFiguresAreConverted() {
        SpeedupTable t = SpeedupTable.of(SEED, "msg_zerocopy");
        SpeedupRow zc8 = row(t, "uring_zc_fixed", 65435, 8, "false", "on");
        assertEquals(116079, zc8.rfcMbS());
        assertEquals(116079.0 / 47421, zc8.rfcSpeedup(), 1e-12);
        assertEquals(109722, row(t, "uring_zc_fixed", 65435, 8, "true", "on").rfcMbS());
        assertEquals(96534, row(t, "uring_zc_fixed", 65435, 1, "false", "on").rfcMbS());
        assertEquals(89310, row(t, "uring_zc_fixed", 65435, 1, "true", "on").rfcMbS());
        assertEquals(75677, row(t, "uring_zc", 65435, 8, "false", "on").rfcMbS());
        assertEquals(18281, row(t, "copy", 65435, 1, "false", "on").rfcMbS());
        assertTrue(Double.isNaN(row(t, "uring_zc_fixed", 65435, 8, "false", "off").rfcMbS()));
        assertTrue(Double.isNaN(row(t, "uring_send", 65435, 8, "false", "on").rfcMbS()));
        SpeedupTable sizes = SpeedupTable.of(SIZES, "msg_zerocopy");
        assertEquals(18281, row(sizes, "copy", 65435, 8, "false", "on").rfcMbS()); // copy maps at any batch
        SpeedupRow copy4k = row(sizes, "copy", 4096, 8, "false", "on");
        assertEquals(1120, copy4k.rfcKreqS());
        assertEquals(1120.0 * 1000 * 4096 / 1048576, copy4k.rfcMbS(), 1e-9);
        assertEquals(2265.0 / 997, row(sizes, "uring_zc_fixed", 4096, 8, "false", "on").rfcSpeedup(), 1e-12);
        assertTrue(Double.isNaN(row(sizes, "uring_zc", 16384, 8, "false", "on").rfcMbS()));
        SpeedupTable loop = SpeedupTable.of(SMOKE_LOOPBACK, "msg_zerocopy");
        assertTrue(loop.rows().stream().allMatch(r -> Double.isNaN(r.rfcMbS())));
    }

    @Test
    void copiedPercentFlagsZeroCopyRowsTheKernelCopied() {
        SpeedupTable sink = SpeedupTable.of(SMOKE_SINK, "msg_zerocopy");
        SpeedupTable loop = SpeedupTable.of(SMOKE_LOOPBACK, "msg_zerocopy");
        assertEquals(3, sink.rows().stream().filter(SpeedupRow::zeroCopy).count());
        assertTrue(sink.rows().stream().filter(SpeedupRow::zeroCopy).allMatch(r -> r.copiedPct() == 0));
        assertTrue(sink.copiedWarning().isEmpty());
        assertTrue(loop.rows().stream().filter(SpeedupRow::zeroCopy).allMatch(SpeedupRow::copiedZeroCopy));
        assertEquals(100, row(loop, "uring_zc", 65435, 8, "false", "on").copiedPct(), 1e-9);
        assertTrue(loop.rows().stream().filter(r -> !r.zeroCopy()).allMatch(r -> Double.isNaN(r.copiedPct())));
        assertTrue(loop.copiedWarning().orElseThrow().startsWith("COPIED: the kernel copied the sends of zero-copy "
                + "rows 2, 4, 5 "));
    }

    @Test
    void countersArePerPacketAndTheCpuProfilersFiguresAreTakenAsTheyAre() {
        SpeedupTable t = SpeedupTable.of(SEED, "msg_zerocopy");
        SpeedupRow msg = row(t, "msg_zerocopy", 65435, 1, "false", "on");
        assertEquals(1.0, msg.perPacket().get("notifications"), 1e-9);
        assertEquals(0, msg.perPacket().get("retries"), 1e-12);
        assertEquals(0, msg.perPacket().get("enters"), 1e-12);
        assertEquals(0.125, row(t, "uring_zc", 65435, 8, "false", "on").perPacket().get("enters"), 1e-9);
        assertEquals(1.0, row(t, "uring_zc_fixed", 65435, 1, "false", "on").perPacket().get("enters"), 1e-9);
        assertEquals(4777.128, msg.cpu().get("cpu_ns_per_packet"), 5e-4);
        assertEquals(92.857, msg.cpu().get("cpu_sys_pct"), 5e-4);
        assertTrue(t.hasCpu());
        SpeedupTable earlier = SpeedupTable.of(Run.load(Fixtures.resource(Fixtures.SEED_SINK_EARLIER)),
                "msg_zerocopy");
        assertFalse(earlier.hasCpu());
        assertTrue(earlier.rows().stream().allMatch(r -> r.cpu().values().stream().allMatch(v -> Double.isNaN(v))));
    }

    @Test
    void rowsAreOrderedByTargetPayloadThenTheVariantOrderNotAlphabetically() {
        Comparator<Row> order = RowLabels.ROW_ORDER;
        Row a = Fixtures.params("uring_zc_fixed", 4096, 1, "false", "on", "sink", "last");
        Row b = Fixtures.params("msg_zerocopy", 4096, 1, "false", "on", "sink", "last");
        Row c = Fixtures.params("copy", 65435, 1, "false", "on", "sink", "last");
        Row d = Fixtures.params("copy", 4096, 1, "false", "on", "loopback", "last");
        assertEquals(List.of(b, a, c, d), Stream.of(d, c, a, b).sorted(order).toList());
    }
}
