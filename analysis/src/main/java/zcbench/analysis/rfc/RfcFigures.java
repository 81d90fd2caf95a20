package zcbench.analysis.rfc;

import java.util.List;
import java.util.Optional;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

/**
 * The figures of the RFC "zerocopy send via io_uring" (P. Begunkov, 2021) that zcbench reproduces,
 * and which result rows they map onto: only rows with target=sink and ubuf_cache=on, the RFC's set-up.
 */
public final class RfcFigures {
    private static final int ANY_BATCH = 0;
    private static final String ANY_FLUSH = "";
    private static final int BYTES_4096 = 4096;

    private static final List<RfcFigure> FIGURES = List.of(
            mbs("copy", ANY_BATCH, ANY_FLUSH, 18281),
            mbs("msg_zerocopy", ANY_BATCH, ANY_FLUSH, 47421),
            mbs("uring_zc_fixed", 1, "false", 96534),
            mbs("uring_zc_fixed", 1, "true", 89310),
            mbs("uring_zc_fixed", 8, "false", 116079),
            mbs("uring_zc_fixed", 8, "true", 109722),
            mbs("uring_zc", 8, "false", 75677),
            kreq("copy", ANY_BATCH, ANY_FLUSH, 1120),
            kreq("msg_zerocopy", ANY_BATCH, ANY_FLUSH, 997),
            kreq("uring_send", 1, ANY_FLUSH, 1469),
            kreq("uring_send", 8, ANY_FLUSH, 1780),
            kreq("uring_zc", 8, "false", 2075),
            kreq("uring_zc_fixed", 8, "false", 2265));

    /** What every report says under its table, so that no reader mistakes an analogue for the kernel switch. */
    public static final List<String> MAPPING_NOTES = List.of(
            "flush and ubuf_cache are user-space analogues on today's kernel, not the RFC's kernel switches. "
                    + "Kernels 6.0+ post one notification per zero-copy send, so flush is the reaping policy: "
                    + "true waits for every notification of a batch before its buffers are reused, false rotates "
                    + "buffers through a pool and reaps notifications lazily. ubuf_cache=on takes per-request "
                    + "state from a recycled pool, off allocates it per request (the cost the RFC's patch 12/12 "
                    + "removed from the kernel).",
            "RFC figures map only onto rows with target=sink and ubuf_cache=on, the RFC's set-up (a sink device "
                    + "that frees every packet). The 65435-byte figures are the RFC's MB/s; the 4096-byte figures "
                    + "are RFC v2's thousand requests/s, converted to MB/s as kreq/s x 1000 x 4096 / 1048576.",
            "RFC speedups are recomputed from its MB/s against its figure for the same baseline row (the RFC "
                    + "truncated its own to two decimals).");

    private RfcFigures() {
    }

    /**
     * The knobs whose defaults are the RFC's set-up (its C tools' loops: the selftest's poll, one unchanging
     * buffer, ubuf_cache on, a COOP_TASKRUN ring), and so every knob added later: all but flush, which the
     * figures name one by one, and cpu, which only places the sender.
     */
    public static final List<Knob> AT_DEFAULT_IN_THE_RFC = Knobs.REST.stream()
            .filter(k -> k != Knobs.FLUSH && k != Knobs.CPU).toList();

    public static Optional<RfcFigure> lookup(Row p) {
        if (!p.target().equals(Knobs.TARGET_SINK) || !AT_DEFAULT_IN_THE_RFC.stream().allMatch(p::atDefault)) {
            return Optional.empty();
        }
        return FIGURES.stream()
                .filter(f -> f.variant().equals(p.variant()) && f.payload() == p.payload())
                .filter(f -> f.batch() == ANY_BATCH || f.batch() == p.batch())
                .filter(f -> f.flush().equals(ANY_FLUSH) || f.flush().equals(p.value(Knobs.FLUSH)))
                .findFirst();
    }

    private static RfcFigure mbs(String variant, int batch, String flush, double mbS) {
        return new RfcFigure(variant, 65435, batch, flush, mbS, Double.NaN);
    }

    private static RfcFigure kreq(String variant, int batch, String flush, double kreqS) {
        return new RfcFigure(variant, BYTES_4096, batch, flush, kreqS * 1000 * BYTES_4096 / 1048576, kreqS);
    }
}
