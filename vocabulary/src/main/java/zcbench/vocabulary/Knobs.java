package zcbench.vocabulary;

import static zcbench.vocabulary.Knob.Shown.ALWAYS;
import static zcbench.vocabulary.Knob.Shown.WHEN_CHANGED;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every row parameter of the benchmark, in label order: the one place that says which values a knob
 * takes and what it means. A knob added to the benchmark is one constant here, listed in {@link #ALL};
 * the variants that have it say so in their declaration ({@link Variant#knobs()}), and {@code -p}, labels,
 * row keys, plan.json, CSV columns, reports, compare and reruns all follow (docs/EXTENDING.md, "A knob").
 */
public final class Knobs {
    /** The sequence stamp's header, which every payload has room for (the senders' Stamp). */
    public static final int MIN_PAYLOAD = 16;
    /** Largest UDP payload over IPv4 (65535 - 20 - 8). */
    public static final int MAX_PAYLOAD = 65507;
    /** Largest UDP payload over IPv6 without fragments on a 65535-byte MTU (65535 - 40 - 8). */
    public static final int MAX_PAYLOAD_IPV6 = 65487;
    /** Largest batch: SQEs per io_uring_enter, as liburing's send-zerocopy allows. */
    public static final int MAX_BATCH = 256;

    /** What a row whose senders take every CPU says of its placement (docs/ARCHITECTURE.md). */
    public static final String SHARED_CPU = "When the senders take every CPU this process may run on, the fork's"
            + " other threads (JIT, GC, JMH) are not confined: the second sender shares its CPU with them.";

    private static final List<String> BOOLEANS = List.of("true", "false");

    /** Every variant may be named; the RFC's are what a run has when none is (the benchmark's @Param list). */
    public static final Knob VARIANT = new Knob("variant", new Knob.VariantIds(), Variant.RFC, ALWAYS, "", "");
    public static final Knob PAYLOAD = new Knob("payload", payloadRange(4, MAX_PAYLOAD), List.of("65435"),
            ALWAYS, "", "take a payload size");
    /** The payload's range with ip=6: UDP over IPv6 without fragments. */
    public static final Knob.Range PAYLOAD_IPV6 = payloadRange(6, MAX_PAYLOAD_IPV6);
    public static final Knob BATCH = new Knob("batch", new Knob.Range(1, MAX_BATCH, "packets per operation; the"
            + " io_uring ring is sized for at most " + MAX_BATCH + " requests per io_uring_enter"), List.of("8"),
            ALWAYS, "", "send in batches");
    public static final Knob FLUSH = new Knob("flush", new Knob.Choices(BOOLEANS), List.of("false"),
            ALWAYS, "user-space reaping policy (6.0+ kernels always post one"
                    + " notification per SEND_ZC): true = wait for every notification of a batch before reusing"
                    + " its buffers; false = buffers rotate, notifications reaped lazily", "have a notification reaping policy");
    public static final Knob UBUF_CACHE = new Knob("ubuf_cache", new Knob.Choices(List.of("on", "off")),
            List.of("on"), ALWAYS, "user-space analogue of the RFC's kernel"
                    + " ubuf_info cache (not switchable on a stock kernel): on = per-request state from a recycled"
                    + " pool; off = allocated per request", "have per-request notification state");
    public static final Knob POLL = new Knob("poll", new Knob.Choices(BOOLEANS), List.of("true"),
            WHEN_CHANGED, "copy and msg_zerocopy: true = MSG_DONTWAIT send +"
                    + " poll(POLLOUT) per packet, the kernel selftest's loop and the RFC's baseline; false ="
                    + " blocking sends, no poll", "send with syscalls that poll could follow");
    public static final Knob VERIFY = new Knob("verify", new Knob.Choices(BOOLEANS), List.of("false"),
            WHEN_CHANGED, "true = every packet stamped, a buffer reused only after its notification;"
                    + " false = one unchanging buffer sent again and again, as the C tools do",
            "stamp their packets");
    public static final Knob SETUP = new Knob("setup", new Knob.Choices(List.of("coop", "defer")), List.of("coop"),
            WHEN_CHANGED, "io_uring ring set-up: coop = COOP_TASKRUN | SINGLE_ISSUER,"
                    + " as liburing's send-zerocopy; defer = DEFER_TASKRUN | SINGLE_ISSUER (send-zerocopy -d, Linux"
                    + " 6.1+): completion work runs only when the sender waits with GETEVENTS", "set up an io_uring ring");
    public static final Knob IOV = new Knob("iov", new Knob.Choices(List.of("1", "2", "4", "8", "16")), List.of("1"),
            WHEN_CHANGED, "iovec entries per packet, the payload split evenly across"
                    + " them: uring_sendmsg_zc* in the msghdr (Linux 6.1+; fixed: 6.15+), uring_zc with"
                    + " IORING_SEND_VECTORIZED (Linux 6.17+) when above 1; 1 = the plain buffer", "send an iovec array");
    public static final Knob MEMORY = new Knob("memory", new Knob.Choices(List.of("normal", "thp", "hugetlb")),
            List.of("normal"), WHEN_CHANGED, "where the payload buffers live: normal = page-aligned"
                    + " native memory, one allocation per buffer; thp = one 2 MiB-aligned anonymous mapping with"
                    + " MADV_HUGEPAGE, the buffers carved out of it (whether the kernel backed it with huge pages is in"
                    + " the row's jmh.log); hugetlb = one mapping of reserved 2 MiB huge pages, MAP_HUGETLB |"
                    + " MAP_HUGE_2MB (send-zerocopy -l; needs vm.nr_hugepages, which zcbench never sets)",
            "choose where their payload lives");
    public static final Knob IP = new Knob("ip", new Knob.Choices(List.of("4", "6")), List.of("4"), WHEN_CHANGED, "4 = UDP over IPv4 (198.18.0.2 on the sink, 127.0.0.1 on loopback); 6 = UDP over IPv6"
                    + " (2001:2::2 on the sink, ::1 on loopback; send-zerocopy -6), payload at most "
                    + MAX_PAYLOAD_IPV6 + " bytes", "send over IPv6");
    public static final Knob THREADS = new Knob("threads", new Knob.UpToCpus(), List.of("1"), WHEN_CHANGED, "sending threads of the row, as liburing's send-zerocopy -T: each with its own socket, ring"
                    + " and CPU (cpu=last: the last CPU for the first, the one before it for the second, ...); the row's"
                    + " MB/s is their sum, threads.csv has each one's. " + SHARED_CPU, "run several senders");
    public static final Knob LATENCY = new Knob("latency", new Knob.Choices(BOOLEANS), List.of("false"),
            WHEN_CHANGED, "zero-copy variants: true = the time from each send's"
                    + " completion (its send CQE, or sendmsg's return) to its notification, in an HdrHistogram per"
                    + " row (two clock reads per packet); false = no clock read", "get notifications");
    public static final Knob PROTOCOL = new Knob("protocol", new Knob.Choices(List.of("udp", "tcp")), List.of("udp"),
            WHEN_CHANGED, "udp = one datagram per packet; tcp = a connected TCP stream (the argument tcp"
                    + " of liburing's send-zerocopy and the msg_zerocopy selftest), each packet a record of payload"
                    + " bytes: a short send is counted (short_sends) and its rest sent before the buffer is reused;"
                    + " io_uring sends with MSG_WAITALL, a batch's requests linked (IOSQE_IO_LINK). Needs a listener:"
                    + " peer, loopback or a tcp:// receiver, not sink or forward", "send over TCP");
    public static final Knob CPU = new Knob("cpu", new Knob.Cpus(), List.of("last"), WHEN_CHANGED, "",
            "pin their sending thread");

    public static final Knob ZC_THRESHOLD = new Knob("zc_threshold", new Knob.OffOrRange(0, MAX_PAYLOAD,
            "bytes of one write"), List.of(Knob.OffOrRange.OFF), WHEN_CHANGED, "netty's io_uring transport over TCP:"
                    + " IoUringChannelOption.IO_URING_WRITE_ZERO_COPY_THRESHOLD; off = netty's default (-1: never"
                    + " zero-copy); N = a write of at least N bytes goes out with IORING_OP_SEND_ZC or SENDMSG_ZC",
            "sends TCP zero-copy above a threshold");

    public static final List<Knob> ALL = List.of(VARIANT, PAYLOAD, BATCH, FLUSH, UBUF_CACHE, POLL, VERIFY, SETUP,
            IOV, MEMORY, IP, THREADS, CPU, PROTOCOL, LATENCY, ZC_THRESHOLD);
    /**
     * What every sender zcbench has so far takes besides its own knobs: a declaration lists these and adds the
     * ones that are its own (a sender that cannot, say, choose its memory leaves that one out).
     */
    public static final Set<Knob> COMMON = Set.of(PAYLOAD, BATCH, VERIFY, MEMORY, IP, THREADS, CPU, PROTOCOL);
    /** {@link #COMMON} and {@code own}: a variant's knobs as its declaration lists them. */
    public static Set<Knob> commonAnd(Knob... own) {
        Set<Knob> knobs = new HashSet<>(COMMON);
        knobs.addAll(List.of(own));
        return Set.copyOf(knobs);
    }

    /** What every row has and its key begins with, each in a form of its own. */
    public static final List<Knob> LEADING = List.of(VARIANT, PAYLOAD, BATCH);
    /** The others, in {@link #ALL}'s order: shown as name=value where they mean something. */
    public static final List<Knob> REST = ALL.stream().filter(k -> !LEADING.contains(k)).toList();

    /**
     * A benchmark parameter that is not a row parameter: set once per run, with {@code --target} or its
     * synonym {@code -p target=}, and always the last part of a row's key (RowKey), so a row's key says
     * where it sent. Its default, {@code sink}, is today's, and every key keeps its form.
     */
    public static final String TARGET = "target";
    public static final String TARGET_SINK = "sink";
    public static final String TARGET_FORWARD = "forward";
    public static final String TARGET_PEER = "peer";
    public static final String TARGET_LOOPBACK = "loopback";
    /**
     * The targets made on this machine (docs/ARCHITECTURE.md, "Targets"), the default first; a remote
     * receiver, {@code udp://ADDR:PORT} or {@code tcp://ADDR:PORT}, may be named too.
     */
    public static final List<String> TARGETS = List.of(TARGET_SINK, TARGET_FORWARD, TARGET_PEER, TARGET_LOOPBACK);
    /** The targets that count what reached them: the ifb sink's RX dropped (sink, forward), the peer's receiver. */
    private static final List<String> COUNTING = List.of(TARGET_SINK, TARGET_FORWARD, TARGET_PEER);

    /** Whether {@code target} counts the packets that reached it, for a row's delivered share. */
    public static boolean countsDelivered(String target) {
        return COUNTING.contains(target);
    }

    /**
     * Names knobs had before they had one name each, as older jmh.json, plan.json and profile-summary.csv
     * carry them; read as the knob's name, refused on the command line.
     */
    public static final Map<String, String> FORMER_NAMES = Map.of("ubufCache", UBUF_CACHE.name());

    private Knobs() {
    }

    public static Optional<Knob> of(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Knob::name).toList();
    }

    /** The knob's name for a name as older results wrote it; any other name as it is. */
    public static String current(String name) {
        return FORMER_NAMES.getOrDefault(name, name);
    }

    /**
     * Every row parameter as help lists it: "variant, payload (16..65507), ..., flush (true|false:
     * uring_zc and uring_zc_fixed), ...": its values, and its variants when not all of them.
     */
    public static String helpLine() {
        return ALL.stream().map(k -> k == VARIANT ? k.name() : k.name() + " (" + k.values().summary()
                + (Variant.all().stream().allMatch(k::appliesTo) ? "" : ": " + variantsOf(k)) + ")")
                .collect(Collectors.joining(", "));
    }

    /** "uring_zc and uring_zc_fixed": the variants a knob means something for. */
    public static String variantsOf(Knob knob) {
        List<String> ids = Variant.all().stream().filter(knob::appliesTo).map(Variant::id).toList();
        if (ids.isEmpty()) {
            return "no variant";
        }
        if (ids.size() == 1) {
            return ids.getFirst();
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();
    }

    private static Knob.Range payloadRange(int ipVersion, int max) {
        return new Knob.Range(MIN_PAYLOAD, max, "bytes of UDP over IPv" + ipVersion + " on the sink's 65535-byte MTU,"
                + " the first " + MIN_PAYLOAD + " of them the sequence stamp");
    }
}
