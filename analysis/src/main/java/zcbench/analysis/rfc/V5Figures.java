package zcbench.analysis.rfc;

import java.util.List;
import java.util.Optional;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * The dummy-device table of the cover letter of the io_uring zero-copy send series as merged, "[PATCH
 * net-next v5 00/27] io_uring zerocopy send" (P. Begunkov, 12 July 2022, Message-Id
 * cover.1657643355.git.asml.silence@gmail.com, https://lore.kernel.org/all/cover.1657643355.git.asml.silence@gmail.com/):
 * UDP requests per second to a dummy netdev, the series' selftest sending a batch of requests, waiting for
 * their completions and repeating. Plan v5's rows map onto its columns; the sink stands in for the dummy
 * device (both free every packet without sending it). Only rows at batch 8 with target=sink and every other
 * knob at its default map.
 */
public final class V5Figures {
    /** Where the figures come from, for every output that shows them. */
    public static final String SOURCE = "[PATCH net-next v5 00/27] io_uring zerocopy send, 12 July 2022, "
            + "<cover.1657643355.git.asml.silence@gmail.com>";
    /** The selftest's requests per submission (cfg_nr_reqs), which the letter's table ran at. */
    public static final int BATCH = 8;

    /**
     * A column of the letter's table and the row of today that stands in for it.
     *
     * @param header the letter's own column header
     * @param flush the row's flush, for a variant that has the knob
     */
    public record Column(String header, Variant variant, String flush) {
        /** The row of plan v5 for this column, e.g. "uring_zc_fixed flush=true". */
        public String row() {
            return variant.id() + (variant.has(Knobs.FLUSH) ? " flush=" + flush : "");
        }

        boolean matches(Row p) {
            return p.variant().equals(variant.id()) && (!variant.has(Knobs.FLUSH)
                    || p.value(Knobs.FLUSH).equals(flush));
        }
    }

    /** IORING_OP_SEND. */
    public static final Column NON_ZC = new Column("non-zc", Variant.of("uring_send"), "false");
    /**
     * v5's SEND_ZC posting no buffer notification at all; since the merged API (6.0) every SEND_ZC posts one, so
     * the nearest row is uring_zc_fixed with flush=false, which reaps them lazily.
     */
    public static final Column ZC = new Column("zc", Variant.of("uring_zc_fixed"), "false");
    /**
     * v5's SEND_ZC with IORING_RECVSEND_NOTIF_FLUSH, one notification per request, what every SEND_ZC posts today;
     * flush=true adds that each batch waits for its notifications.
     */
    public static final Column ZC_FLUSH = new Column("zc + flush", Variant.of("uring_zc_fixed"), "true");
    /** The letter's columns in its order. */
    public static final List<Column> COLUMNS = List.of(NON_ZC, ZC, ZC_FLUSH);

    /** The payloads the letter measured, largest first as it printed them. */
    public static final List<Integer> PAYLOADS = List.of(8000, 4000, 1200, 600);

    private static final List<V5Figure> FIGURES = List.of(
            new V5Figure(8000, NON_ZC, 1299916, Double.NaN),
            new V5Figure(8000, ZC, 2396600, 84),
            new V5Figure(8000, ZC_FLUSH, 2224219, 71),
            new V5Figure(4000, NON_ZC, 1869230, Double.NaN),
            new V5Figure(4000, ZC, 2344146, 25),
            new V5Figure(4000, ZC_FLUSH, 2170069, 16),
            new V5Figure(1200, NON_ZC, 2071617, Double.NaN),
            new V5Figure(1200, ZC, 2361960, 14),
            new V5Figure(1200, ZC_FLUSH, 2203052, 6),
            new V5Figure(600, NON_ZC, 2106794, Double.NaN),
            new V5Figure(600, ZC, 2381527, 13),
            new V5Figure(600, ZC_FLUSH, 2195295, 4));

    /** What every output says under the table, so that no reader mistakes the mapping for the 2022 kernel. */
    public static final List<String> MAPPING_NOTES = List.of(
            "Published: the dummy-device table of " + SOURCE + ", UDP requests per second; ours are packets per "
                    + "second to the sink, which stands in for the dummy device (both free every packet).",
            "v5's zc posted no buffer notification and its zc + flush posted one per request "
                    + "(IORING_RECVSEND_NOTIF_FLUSH). The merged API (Linux 6.0) dropped notification slots and "
                    + "that flag: every SEND_ZC posts one notification, so today's zc row pays what v5's zc + flush "
                    + "paid in the kernel, and flush=true is zcbench's analogue (each batch waits for its "
                    + "notifications), not the 2022 switch.",
            "The letter's table does not name its buffers; its selftest sends from a registered buffer, 8 requests "
                    + "per submission, by default: hence uring_zc_fixed at batch 8. Speedups are against the "
                    + "non-zc row of the same payload, recomputed from the published figures.");

    private V5Figures() {
    }

    public static List<V5Figure> all() {
        return FIGURES;
    }

    public static Optional<V5Figure> lookup(Row p) {
        if (!p.target().equals(Knobs.TARGET_SINK) || p.batch() != BATCH || !RfcFigures.AT_DEFAULT_IN_THE_RFC.stream()
                .allMatch(p::atDefault)) {
            return Optional.empty();
        }
        return FIGURES.stream().filter(f -> f.payload() == p.payload() && f.column().matches(p)).findFirst();
    }

    public static V5Figure of(int payload, Column column) {
        return FIGURES.stream().filter(f -> f.payload() == payload && f.column() == column).findFirst()
                .orElseThrow();
    }
}
