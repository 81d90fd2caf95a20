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
import zcbench.analysis.jmh.Params;
import zcbench.analysis.jmh.Run;

class SpeedupTableTest {
    private static final Run SINK = Run.load(Fixtures.resource(Fixtures.SINK));
    private static final Run LOOPBACK = Run.load(Fixtures.resource(Fixtures.LOOPBACK));
    private static final Run PLAIN = Run.load(Fixtures.resource(Fixtures.PLAIN));

    private static SpeedupRow row(SpeedupTable t, String variant, int payload, int batch, String flush,
            String ubufCache) {
        return t.rows().stream().filter(r -> r.params().variant().equals(variant) && r.params().payload() == payload
                && r.params().batch() == batch && r.params().flush().equals(flush)
                && r.params().ubufCache().equals(ubufCache)).findFirst().orElseThrow();
    }

    @Test
    void rowsAreSortedInTheFixedOrderAndNumberedFromOne() {
        SpeedupTable t = SpeedupTable.of(SINK, "msg_zerocopy");
        assertEquals(IntStream.rangeClosed(1, 24).boxed().toList(), t.rows().stream().map(SpeedupRow::no).toList());
        List<Params> params = t.rows().stream().map(SpeedupRow::params).toList();
        assertEquals(params.stream().sorted(Variants.ROW_ORDER).toList(), params);
        // The fixture lists its results scrambled; the first rows are the 4096-byte ones in variant order.
        assertEquals(List.of("copy", "msg_zerocopy", "uring_send", "uring_send", "uring_zc", "uring_zc_fixed"),
                params.subList(0, 6).stream().map(Params::variant).toList());
        SpeedupTable mixed = SpeedupTable.of(PLAIN, "copy");
        assertEquals(List.of("sink", "sink", "sink", "sink", "loopback", "loopback"),
                mixed.rows().stream().map(r -> r.params().target()).toList());
    }

    @Test
    void labelsAreShapedLikeTheRfcs() {
        SpeedupTable t = SpeedupTable.of(SINK, "msg_zerocopy");
        assertEquals("io_uring zc fixed, flush=false, nr_reqs=8",
                row(t, "uring_zc_fixed", 65435, 8, "false", "on").test());
        assertEquals("io_uring zc fixed, flush=false, nr_reqs=8, ubuf_cache=off",
                row(t, "uring_zc_fixed", 65435, 8, "false", "off").test());
        assertEquals("copy (no MSG_ZEROCOPY), batch=8", row(t, "copy", 65435, 8, "false", "on").test());
        assertEquals(t.rows().size(), t.rows().stream().map(r -> r.test() + r.params().payload()).distinct().count());
    }

    @Test
    void mbPerSecondIsScoreTimesBatchTimesPayloadOverMebibyte() {
        SpeedupTable t = SpeedupTable.of(SINK, "msg_zerocopy");
        SpeedupRow r = row(t, "uring_zc_fixed", 65435, 8, "false", "on");
        JmhResult raw = SINK.results().stream().filter(x -> x.zcbenchParams().orElseThrow().equals(r.params()))
                .findFirst().orElseThrow();
        double factor = 8.0 * 65435 / 1048576;
        assertEquals(raw.primary().score() * factor, r.mbS().score(), 1e-9);
        assertEquals(raw.primary().error() * factor, r.mbS().error(), 1e-9);
        assertEquals(raw.primary().low() * factor, r.mbS().low(), 1e-9);
        assertEquals(raw.primary().high() * factor, r.mbS().high(), 1e-9);
        // -tu ms writes ops/ms: converted, the same configuration lands near the ops/s fixture's figure.
        SpeedupRow perMs = row(SpeedupTable.of(PLAIN, "copy"), "copy", 65435, 1, "false", "on");
        assertEquals(9800, perMs.mbS().score(), 500);
    }

    @Test
    void speedupIsAgainstTheBaselineOfTheSamePayloadAndTargetPreferringTheSameBatch() {
        SpeedupTable t = SpeedupTable.of(SINK, "msg_zerocopy");
        SpeedupRow base1 = row(t, "msg_zerocopy", 65435, 1, "false", "on");
        SpeedupRow base8 = row(t, "msg_zerocopy", 65435, 8, "false", "on");
        SpeedupRow zc8 = row(t, "uring_zc_fixed", 65435, 8, "false", "on");
        SpeedupRow zc1 = row(t, "uring_zc_fixed", 65435, 1, "false", "on");
        assertEquals(base8.no(), zc8.baselineNo());
        assertEquals(base1.no(), zc1.baselineNo());
        assertEquals(zc8.mbS().score() / base8.mbS().score(), zc8.speedup(), 1e-12);
        assertEquals(1.0, base1.speedup(), 1e-12);
        // 16384 has only batch=8 io_uring rows and a batch=1 baseline: the first baseline row is taken.
        SpeedupRow mid = row(t, "uring_zc", 16384, 8, "false", "on");
        assertEquals(row(t, "msg_zerocopy", 16384, 1, "false", "on").no(), mid.baselineNo());
        assertTrue(t.isBaseline(base1) && !t.isBaseline(zc8));
    }

    @Test
    void aDifferentBaselineOnRequestAndEmptySpeedupWhereAGroupHasNone() {
        SpeedupTable t = SpeedupTable.of(SINK, "uring_send");
        SpeedupRow zc = row(t, "uring_zc_fixed", 65435, 8, "false", "on");
        assertEquals(row(t, "uring_send", 65435, 8, "false", "on").no(), zc.baselineNo());
        SpeedupTable plain = SpeedupTable.of(PLAIN, "msg_zerocopy");
        SpeedupRow loopRow = plain.rows().stream().filter(r -> r.params().target().equals("loopback")).findFirst()
                .orElseThrow();
        assertTrue(Double.isNaN(loopRow.speedup()));
        assertEquals(0, loopRow.baselineNo());
        assertTrue(plain.notes().contains(
                "No msg_zerocopy row for 65435 bytes, loopback: speedup left empty for its rows."), plain.notes()
                .toString());
        assertTrue(SpeedupText.render(plain).contains("No msg_zerocopy row for 65435 bytes, loopback"));
    }

    @Test
    void anUnknownBaselineIsRejectedWithTheVariantsToPickFrom() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> SpeedupTable.of(SINK, "msg_zerocopi"));
        assertTrue(e.getMessage().contains("pick one of copy, msg_zerocopy"), e.getMessage());
    }

    @Test
    void rfcFiguresMapOntoSinkRowsWithUbufCacheOnAndTheKiloRequestFiguresAreConverted() {
        SpeedupTable t = SpeedupTable.of(SINK, "msg_zerocopy");
        SpeedupRow zc8 = row(t, "uring_zc_fixed", 65435, 8, "false", "on");
        assertEquals(116079, zc8.rfcMbS());
        assertEquals(116079.0 / 47421, zc8.rfcSpeedup(), 1e-12);
        assertEquals(109722, row(t, "uring_zc_fixed", 65435, 8, "true", "on").rfcMbS());
        assertEquals(75677, row(t, "uring_zc", 65435, 8, "false", "on").rfcMbS());
        assertEquals(18281, row(t, "copy", 65435, 8, "false", "on").rfcMbS());
        assertEquals(18281, row(t, "copy", 65435, 1, "false", "on").rfcMbS());
        assertTrue(Double.isNaN(row(t, "uring_zc_fixed", 65435, 8, "false", "off").rfcMbS()));
        assertTrue(Double.isNaN(row(t, "uring_zc", 16384, 8, "false", "on").rfcMbS()));
        SpeedupRow copy4k = row(t, "copy", 4096, 1, "false", "on");
        assertEquals(1120, copy4k.rfcKreqS());
        assertEquals(1120.0 * 1000 * 4096 / 1048576, copy4k.rfcMbS(), 1e-9);
        assertEquals(2265.0 / 997, row(t, "uring_zc_fixed", 4096, 8, "false", "on").rfcSpeedup(), 1e-12);
        SpeedupTable loop = SpeedupTable.of(LOOPBACK, "msg_zerocopy");
        assertTrue(loop.rows().stream().allMatch(r -> Double.isNaN(r.rfcMbS())));
    }

    @Test
    void copiedPercentFlagsZeroCopyRowsTheKernelCopied() {
        SpeedupTable sink = SpeedupTable.of(SINK, "msg_zerocopy");
        SpeedupTable loop = SpeedupTable.of(LOOPBACK, "msg_zerocopy");
        assertTrue(sink.rows().stream().filter(SpeedupRow::zeroCopy).allMatch(r -> r.copiedPct() == 0));
        assertTrue(sink.copiedWarning().isEmpty());
        assertTrue(loop.rows().stream().filter(SpeedupRow::zeroCopy).allMatch(SpeedupRow::copiedZeroCopy));
        assertEquals(100, row(loop, "uring_zc", 65435, 8, "false", "on").copiedPct(), 1e-9);
        assertTrue(loop.rows().stream().filter(r -> !r.zeroCopy()).allMatch(r -> Double.isNaN(r.copiedPct())));
        assertTrue(loop.copiedWarning().orElseThrow().startsWith("COPIED"));
        SpeedupRow r = row(sink, "msg_zerocopy", 65435, 1, "false", "on");
        assertEquals(0.9995, r.perPacket().get("notifications"), 1e-9);
        assertEquals(0.0021, r.perPacket().get("retries"), 1e-9);
        assertEquals(0, r.perPacket().get("enters"), 1e-12);
        assertFalse(Double.isNaN(r.cpu().get("cpu_ns_per_packet")));
        assertTrue(Double.isNaN(row(loop, "copy", 4096, 1, "false", "on").cpu().get("cpu_ns_per_packet")));
    }

    @Test
    void rowsAreOrderedByTheVariantOrderNotAlphabetically() {
        Comparator<Params> order = Variants.ROW_ORDER;
        Params a = new Params("uring_zc_fixed", 4096, 1, "false", "on", "sink", "last");
        Params b = new Params("msg_zerocopy", 4096, 1, "false", "on", "sink", "last");
        Params c = new Params("copy", 65435, 1, "false", "on", "sink", "last");
        Params d = new Params("copy", 4096, 1, "false", "on", "loopback", "last");
        assertEquals(List.of(b, a, c, d), Stream.of(d, c, a, b).sorted(order).toList());
    }
}
