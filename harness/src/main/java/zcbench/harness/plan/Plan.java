package zcbench.harness.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import zcbench.variants.SendConfig;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * The run plans: which rows, and how long each is measured. The plans that measure run every row in
 * {@link Timing#MEASURED}: three forks, so that a row's interval covers the variation between JVMs
 * (warm after one second: the send path is compiled by then), in a seed run of under three minutes
 * on a 2-core machine. Smoke only checks that every variant runs: it is not a measurement.
 */
public enum Plan {
    /** The RFC's rows at 65435 bytes. */
    SEED("seed", "the RFC's rows at 65435 bytes", Timing.MEASURED, seedRows()),
    /** Where zero-copy starts to pay: 4096, 16384 and 65435 bytes. */
    SIZES("sizes", "copy, msg_zerocopy, uring_zc, uring_zc_fixed at 4096, 16384, 65435 bytes", Timing.MEASURED,
            sizesRows()),
    /**
     * Every meaningful combination of the RFC's variants, payload, batch, flush, ubuf_cache and poll, plus each
     * variant with verify at batch 8, which shows what stamping and waiting for buffers cost; then, at 65435 and
     * 4096 bytes, the send paths and knobs that came after the RFC, each row measured right after the row it
     * changes.
     */
    FULL("full", "every meaningful combination, each variant also with verify, and the later paths and knobs"
            + " beside the rows they change at 65435 and 4096 bytes", Timing.MEASURED, fullRows()),
    /**
     * The RFC's best rows beside the send paths that came after it, at 65435 and 4096 bytes: the table a
     * JVM developer reads to choose a path today. Each later path is a row pair with the row it changes.
     */
    MODERN("modern", "the RFC's best rows beside the paths that came after it, at 65435 and 4096 bytes",
            Timing.MEASURED, modernRows()),
    /**
     * From which payload zero-copy pays: each zero-copy path and its copying counterpart at ten payloads from
     * 256 to 65435 bytes (docs/PLANS.md, "From which payload zero-copy pays"). Two forks per row, so that the 50 rows
     * fit in about ten minutes and each still has an interval.
     */
    CROSSOVER("crossover", "copy, msg_zerocopy (batch 1) and uring_send, uring_zc, uring_zc_fixed (batch 8) at ten "
            + "payloads from 256 to 65435 bytes", Timing.SWEEP, crossoverRows()),
    /**
     * The dummy-device table of the io_uring zero-copy send series' cover letter (v5, July 2022): non-zc, zc
     * and zc + flush at 600, 1200, 4000 and 8000 bytes, the sink standing in for its dummy device.
     */
    V5("v5", "the 2022 series' table: uring_send, uring_zc_fixed flush=false and flush=true (batch 8) at 600, "
            + "1200, 4000, 8000 bytes", Timing.MEASURED, v5Rows()),
    /**
     * What a Java program sends with today beside io_uring zero-copy, over UDP to the sink: java.nio's
     * DatagramChannel and netty's two native transports beside zcbench's copy, uring_send and uring_zc_fixed, at
     * 65435, 16384 and 4096 bytes (docs/ARCHITECTURE.md, "The JVM rows"). Its TCP half needs a listener, so it is
     * a plan of its own: {@link #JVM_TCP}, run with --target peer.
     */
    JVM("jvm", "java.nio and netty beside copy, uring_send and uring_zc_fixed over UDP at 65435, 16384, 4096 bytes"
            + " (TCP: --plan jvm-tcp --target peer)", Timing.MEASURED, jvmRows()),
    /**
     * The TCP half of {@link #JVM}, to the peer: java.nio's SocketChannel, netty epoll, netty io_uring without and
     * with its zero-copy threshold, msg_zerocopy and uring_zc, at 65435 bytes.
     */
    JVM_TCP("jvm-tcp", "java.nio, netty epoll, netty io_uring (zc_threshold off and 16384), msg_zerocopy, uring_zc"
            + " over TCP at 65435 bytes; run with --target peer", Timing.MEASURED, jvmTcpRows()),
    /** The five variants once each, as short as JMH allows: for CI and quick checks. */
    SMOKE("smoke", "the five variants once each, as short as JMH allows; not a measurement",
            new Timing(1, 0, 0, 1, 200), smokeRows());

    private final String id;
    private final String what;
    private final Timing timing;
    private final List<Row> rows;

    Plan(String id, String what, Timing timing, List<Row> rows) {
        this.id = id;
        this.what = what;
        this.timing = timing;
        this.rows = List.copyOf(rows);
    }

    public String id() {
        return id;
    }

    /**
     * One line for the help and the README, e.g. "seed   the RFC's rows at 65435 bytes: 9 rows, each 3 forks x
     * (1 x 1 s warm-up + 4 x 1 s); about 2 min 45 s".
     */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%-6s %s: %d rows, each %s; about %s", id, what, rows.size(),
                timing.describe(), PlanSpec.duration(spec().estimatedSeconds()));
    }

    public Timing timing() {
        return timing;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows and timing as the runner takes them. */
    public PlanSpec spec() {
        return new PlanSpec(id, timing, rows);
    }

    public static Plan of(String id) {
        for (Plan p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown plan '" + id + "'; one of: "
                + String.join(", ", java.util.Arrays.stream(values()).map(Plan::id).toList()));
    }

    private static List<Row> seedRows() {
        int p = 65435;
        return List.of(
                Row.of(Variant.of("copy"), p, 1, false, true),
                Row.of(Variant.of("msg_zerocopy"), p, 1, false, true),
                Row.of(Variant.of("uring_zc_fixed"), p, 1, false, true),
                Row.of(Variant.of("uring_zc_fixed"), p, 1, true, true),
                Row.of(Variant.of("uring_zc_fixed"), p, 8, false, true),
                Row.of(Variant.of("uring_zc_fixed"), p, 8, true, true),
                Row.of(Variant.of("uring_zc"), p, 8, false, true),
                Row.of(Variant.of("uring_send"), p, 8, false, true),
                Row.of(Variant.of("uring_zc_fixed"), p, 8, false, false));
    }

    private static List<Row> sizesRows() {
        List<Row> rows = new ArrayList<>();
        for (int payload : new int[] {4096, 16384, 65435}) {
            for (Variant v : List.of(Variant.of("copy"), Variant.of("msg_zerocopy"), Variant.of("uring_zc"), Variant.of("uring_zc_fixed"))) {
                rows.add(Row.of(v, payload, 8, false, true));
            }
        }
        return rows;
    }

    private static List<Row> fullRows() {
        List<Row> rows = new ArrayList<>();
        for (int payload : new int[] {4096, 16384, 65435}) {
            for (Variant v : Variant.rfcVariants()) {
                for (int batch : new int[] {1, 8}) {
                    for (boolean flush : v.has(Knobs.FLUSH) ? new boolean[] {false, true} : new boolean[] {false}) {
                        for (boolean ubuf : v.has(Knobs.UBUF_CACHE) ? new boolean[] {true, false} : new boolean[] {true}) {
                            for (boolean poll : v.has(Knobs.POLL) ? new boolean[] {true, false} : new boolean[] {true}) {
                                rows.add(Row.of(v, payload, batch, flush, ubuf, poll, false));
                            }
                        }
                    }
                }
                rows.add(Row.of(v, payload, 8, false, true, true, true));
            }
        }
        for (int payload : new int[] {65435, 4096}) {
            for (Row later : laterRows(payload)) {
                besideItsBase(rows, later);
            }
        }
        return rows;
    }

    /**
     * Puts a later row right after the row it changes (and the later rows already there), so that a row pair is
     * measured seconds apart rather than minutes: the machine drifts less between them.
     */
    private static void besideItsBase(List<Row> rows, Row later) {
        Row base = laterKnobs().stream().filter(k -> !atDefault(later, k)).findFirst()
                .map(k -> later.with(k, k.defaultValue()))
                .orElseGet(() -> later.with(Knobs.VARIANT, later.declaredVariant().earlier().orElseThrow()));
        int at = rows.indexOf(base) + 1;
        if (at == 0) {
            throw new IllegalStateException(later.label() + " is beside no row of the plan");
        }
        while (at < rows.size() && isLater(rows.get(at))) {
            at++;
        }
        rows.add(at, later);
    }

    /** The knobs that came after the RFC; a method, since the plans are made before any static field of theirs. */
    private static List<Knob> laterKnobs() {
        return List.of(Knobs.SETUP, Knobs.IOV, Knobs.MEMORY, Knobs.IP, Knobs.THREADS);
    }

    private static boolean isLater(Row row) {
        return !row.declaredVariant().rfc() || laterKnobs().stream().anyMatch(k -> !atDefault(row, k));
    }

    private static boolean atDefault(Row row, Knob knob) {
        return row.value(knob.name()).equals(knob.defaultValue());
    }

    /**
     * The paths and knobs that came after the RFC at batch 8, each a row pair with the row it changes:
     * SENDMSG_ZC beside SEND_ZC (normal and registered), setup=defer beside coop on every RFC ring variant, every
     * iov above 1 that the sender accepts at this payload, and thp, hugetlb, ip=6 and threads=2 beside
     * msg_zerocopy (the baseline) and uring_zc_fixed (the RFC's best).
     */
    private static List<Row> laterRows(int payload) {
        List<Row> rows = new ArrayList<>();
        Row zc = Row.of(Variant.of("uring_zc"), payload, 8, false, true);
        Row fixed = Row.of(Variant.of("uring_zc_fixed"), payload, 8, false, true);
        Row sendmsg = Row.of(Variant.of("uring_sendmsg_zc"), payload, 8, false, true);
        Row sendmsgFixed = Row.of(Variant.of("uring_sendmsg_zc_fixed"), payload, 8, false, true);
        rows.addAll(List.of(sendmsg, sendmsgFixed));
        for (Row r : List.of(Row.of(Variant.of("uring_send"), payload, 8, false, true), zc, fixed)) {
            rows.add(r.with(Knobs.SETUP, "defer"));
        }
        for (Row r : List.of(zc, sendmsg, sendmsgFixed)) {
            for (String iov : ((Knob.Choices) Knobs.IOV.values()).allowed()) {
                if (!iov.equals(Knobs.IOV.defaultValue()) && accepted(r.with(Knobs.IOV, iov))) {
                    rows.add(r.with(Knobs.IOV, iov));
                }
            }
        }
        for (Row r : List.of(Row.of(Variant.of("msg_zerocopy"), payload, 8, false, true), fixed)) {
            rows.addAll(List.of(r.with(Knobs.MEMORY, "thp"), r.with(Knobs.MEMORY, "hugetlb"), r.with(Knobs.IP, "6"),
                    r.with(Knobs.THREADS, "2")));
        }
        return rows;
    }

    /**
     * Whether the sender takes the row: an iov whose registered entries would span more pages than a packet may
     * have fragments is refused at some payloads (SendConfig).
     */
    private static boolean accepted(Row row) {
        try {
            SendConfig.of(row::value);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    private static List<Row> modernRows() {
        List<Row> rows = new ArrayList<>();
        for (int payload : new int[] {65435, 4096}) {
            Row msgZc = Row.of(Variant.of("msg_zerocopy"), payload, 8, false, true);
            Row zc = Row.of(Variant.of("uring_zc"), payload, 8, false, true);
            Row fixed = Row.of(Variant.of("uring_zc_fixed"), payload, 8, false, true);
            rows.addAll(List.of(
                    msgZc, msgZc.with(Knobs.IP, "6"),
                    zc, zc.with(Knobs.SETUP, "defer"), zc.with(Knobs.IOV, "4"),
                    fixed, fixed.with(Knobs.SETUP, "defer"), fixed.with(Knobs.MEMORY, "thp"),
                    fixed.with(Knobs.MEMORY, "hugetlb"), fixed.with(Knobs.IP, "6"), fixed.with(Knobs.THREADS, "2"),
                    Row.of(Variant.of("uring_sendmsg_zc"), payload, 8, false, true),
                    Row.of(Variant.of("uring_sendmsg_zc"), payload, 8, false, true).with(Knobs.IOV, "4"),
                    Row.of(Variant.of("uring_sendmsg_zc_fixed"), payload, 8, false, true)));
        }
        return rows;
    }

    /*
     * Powers of two, the Ethernet MTU and the RFC's largest. Batch 1 for the syscall rows (one sendmsg per packet,
     * as the selftest sends) and 8 for io_uring (liburing's send-zerocopy default), as docs/C-TOOLS.md's tables pair
     * them.
     */
    private static List<Row> crossoverRows() {
        return perPayload(new int[] {256, 512, 1024, 1500, 2048, 4096, 8192, 16384, 32768, 65435}, p -> List.of(
                Row.of(Variant.of("copy"), p, 1, false, true), Row.of(Variant.of("msg_zerocopy"), p, 1, false, true),
                Row.of(Variant.of("uring_send"), p, 8, false, true), Row.of(Variant.of("uring_zc"), p, 8, false, true),
                Row.of(Variant.of("uring_zc_fixed"), p, 8, false, true)));
    }

    /*
     * The letter's table does not name its mode; the series' selftest it measured with sends zero-copy from a
     * registered buffer, 8 requests per submission, by default: hence uring_zc_fixed at batch 8.
     */
    private static List<Row> v5Rows() {
        return perPayload(new int[] {600, 1200, 4000, 8000}, p -> List.of(Row.of(Variant.of("uring_send"), p, 8, false, true),
                Row.of(Variant.of("uring_zc_fixed"), p, 8, false, true), Row.of(Variant.of("uring_zc_fixed"), p, 8, true, true)));
    }

    private static List<Row> perPayload(int[] payloads, IntFunction<List<Row>> rows) {
        List<Row> all = new ArrayList<>();
        for (int payload : payloads) {
            all.addAll(rows.apply(payload));
        }
        return all;
    }

    /** The JDK's and netty's rows first at each payload, then zcbench's own, all at batch 8. */
    private static List<Row> jvmRows() {
        return perPayload(new int[] {65435, 16384, 4096}, p -> Stream.of("nio", "netty_epoll", "netty_uring", "copy",
                "uring_send", "uring_zc_fixed").map(id -> Row.of(Variant.of(id), p, 8, false, true)).toList());
    }

    /** The threshold row right after netty io_uring's row without it, which it changes. */
    private static List<Row> jvmTcpRows() {
        List<Row> rows = new ArrayList<>();
        for (String id : List.of("nio", "netty_epoll", "netty_uring", "msg_zerocopy", "uring_zc")) {
            Row row = Row.of(Variant.of(id), 65435, 8, false, true).with(Knobs.PROTOCOL, "tcp");
            rows.add(row);
            if (id.equals("netty_uring")) {
                rows.add(row.with(Knobs.ZC_THRESHOLD, JVM_ZC_THRESHOLD));
            }
        }
        return rows;
    }

    /** netty io_uring's zero-copy threshold in plan jvm-tcp: the plan's 65435-byte records are all above it. */
    public static final String JVM_ZC_THRESHOLD = "16384";

    private static List<Row> smokeRows() {
        List<Row> rows = new ArrayList<>();
        for (Variant v : Variant.rfcVariants()) {
            rows.add(Row.of(v, 65435, 8, false, true));
        }
        return rows;
    }
}
