package zcbench.analysis.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import zcbench.analysis.jmh.Params;

/** What the analysis knows about each variant: its place in the tables, its label, whether it is zero-copy. */
public final class Variants {
    public static final List<String> ORDER = List.of("copy", "msg_zerocopy", "uring_send", "uring_zc",
            "uring_zc_fixed");
    public static final String DEFAULT_BASELINE = "msg_zerocopy";

    private static final Map<String, String> NAMES = Map.of(
            "copy", "copy (no MSG_ZEROCOPY)",
            "msg_zerocopy", "msg_zerocopy -z",
            "uring_send", "io_uring send",
            "uring_zc", "io_uring zc",
            "uring_zc_fixed", "io_uring zc fixed");

    private static final Map<String, String> PROSE = Map.of(
            "copy", "send(2) without MSG_ZEROCOPY",
            "msg_zerocopy", "MSG_ZEROCOPY",
            "uring_send", "io_uring send",
            "uring_zc", "io_uring zero-copy send",
            "uring_zc_fixed", "io_uring zero-copy send with registered buffers");

    private static final List<String> TARGET_ORDER = List.of("sink", "loopback");

    /**
     * The table order: target (sink first, the RFC's set-up), payload, variant in {@link #ORDER}, batch,
     * flush (false first), ubufCache (on first), poll (true first), verify (false first), cpu. Unknown variants and targets sort after known ones.
     */
    public static final Comparator<Params> ROW_ORDER = Comparator
            .comparing((Params p) -> rank(TARGET_ORDER, p.target())).thenComparing(Params::target)
            .thenComparingInt(Params::payload)
            .thenComparing(p -> rank(ORDER, p.variant())).thenComparing(Params::variant)
            .thenComparingInt(Params::batch)
            .thenComparing(p -> rank(List.of("false", "true"), p.flush())).thenComparing(Params::flush)
            .thenComparing(p -> rank(List.of("on", "off"), p.ubufCache())).thenComparing(Params::ubufCache)
            .thenComparing(p -> rank(List.of("true", "false"), p.poll())).thenComparing(Params::poll)
            .thenComparing(p -> rank(List.of("false", "true"), p.verify())).thenComparing(Params::verify)
            .thenComparing(Params::cpu);

    private Variants() {
    }

    public static boolean isZeroCopy(String variant) {
        return variant.equals("msg_zerocopy") || variant.equals("uring_zc") || variant.equals("uring_zc_fixed");
    }

    /**
     * A label like the RFC's, e.g. "io_uring zc fixed, flush=false, nr_reqs=8". flush is shown for the
     * io_uring zero-copy variants, the only ones it means something for (for the others only when set);
     * nr_reqs is io_uring's name for batch.
     */
    public static String label(Params p) {
        StringBuilder s = new StringBuilder(NAMES.getOrDefault(p.variant(), p.variant()));
        if (!p.flush().isEmpty() && (p.variant().startsWith("uring_zc") || p.flush().equals("true"))) {
            s.append(", flush=").append(p.flush());
        }
        s.append(p.variant().startsWith("uring") ? ", nr_reqs=" : ", batch=").append(p.batch());
        if (p.ubufCache().equals("off")) {
            s.append(", ubuf_cache=off");
        }
        if (p.poll().equals("false")) {
            s.append(", no poll");
        }
        if (p.verify().equals("true")) {
            s.append(", verify");
        }
        return s.toString();
    }

    /**
     * The variant in words for a sentence, with the knobs that set the row apart, e.g. "io_uring zero-copy send
     * with registered buffers (nr_reqs=8, flush=false)".
     */
    public static String prose(Params p) {
        List<String> knobs = new ArrayList<>();
        if (p.variant().startsWith("uring")) {
            knobs.add("nr_reqs=" + p.batch());
        } else if (p.batch() > 1) {
            knobs.add("batch=" + p.batch());
        }
        if (!p.flush().isEmpty() && (p.variant().startsWith("uring_zc") || p.flush().equals("true"))) {
            knobs.add("flush=" + p.flush());
        }
        if (p.ubufCache().equals("off")) {
            knobs.add("ubuf_cache=off");
        }
        return PROSE.getOrDefault(p.variant(), p.variant()) + (knobs.isEmpty() ? "" : " (" + String.join(", ", knobs)
                + ")");
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }
}
