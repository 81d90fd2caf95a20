package zcbench.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The send paths measured, named as the benchmark's {@code variant} parameter. The declaration order is the
 * tables' order.
 */
public enum Variant {
    /** send(2) per packet, no MSG_ZEROCOPY: the RFC's "msg_zerocopy without -z". */
    COPY("copy", false, false, "copy (no MSG_ZEROCOPY)", "send(2) without MSG_ZEROCOPY"),
    /** SO_ZEROCOPY + sendmsg(MSG_ZEROCOPY), completions from the error queue: the RFC's baseline. */
    MSG_ZEROCOPY("msg_zerocopy", true, false, "msg_zerocopy -z", "MSG_ZEROCOPY"),
    /** IORING_OP_SEND. */
    URING_SEND("uring_send", false, false, "io_uring send", "io_uring send"),
    /** IORING_OP_SEND_ZC with normal (unregistered) buffers. */
    URING_ZC("uring_zc", true, true, "io_uring zc", "io_uring zero-copy send"),
    /** IORING_OP_SEND_ZC with IORING_RECVSEND_FIXED_BUF on registered buffers. */
    URING_ZC_FIXED("uring_zc_fixed", true, true, "io_uring zc fixed",
            "io_uring zero-copy send with registered buffers"),
    /** IORING_OP_SENDMSG_ZC (Linux 6.1+): a msghdr with an iovec array on normal buffers. */
    URING_SENDMSG_ZC("uring_sendmsg_zc", true, true, "io_uring sendmsg zc", "io_uring zero-copy sendmsg"),
    /** IORING_OP_SENDMSG_ZC with IORING_RECVSEND_FIXED_BUF (Linux 6.15+): iovecs inside a registered buffer. */
    URING_SENDMSG_ZC_FIXED("uring_sendmsg_zc_fixed", true, true, "io_uring sendmsg zc fixed",
            "io_uring zero-copy sendmsg with registered buffers");

    /**
     * The send paths the RFC measured: the plans' variants, and a custom selection's unless -p variant=
     * names others; the later ones are measured when named.
     */
    public static final List<Variant> RFC = List.of(COPY, MSG_ZEROCOPY, URING_SEND, URING_ZC, URING_ZC_FIXED);

    /** What speedups are against unless asked otherwise: the RFC's baseline. */
    public static final Variant DEFAULT_BASELINE = MSG_ZEROCOPY;

    private final String id;
    private final boolean zeroCopy;
    private final boolean flushKnob;
    private final String label;
    private final String prose;

    Variant(String id, boolean zeroCopy, boolean flushKnob, String label, String prose) {
        this.id = id;
        this.zeroCopy = zeroCopy;
        this.flushKnob = flushKnob;
        this.label = label;
        this.prose = prose;
    }

    public String id() {
        return id;
    }

    /** Its name in the tables, as the RFC's table named it: "io_uring zc fixed". */
    public String label() {
        return label;
    }

    /** Its name in a sentence: "io_uring zero-copy send with registered buffers". */
    public String prose() {
        return prose;
    }

    /** Sends owe a completion notification, may be copied after all, and have per-request state. */
    public boolean zeroCopy() {
        return zeroCopy;
    }

    /** {@code flush} means something: the notification reaping policy of SEND_ZC. */
    public boolean hasFlushKnob() {
        return flushKnob;
    }

    /** {@code ubuf_cache} means something: there is per-request state to recycle or allocate. */
    public boolean hasUbufCacheKnob() {
        return zeroCopy;
    }

    /** {@code poll} means something: the variant sends with a syscall per packet that poll(2) can follow. */
    public boolean hasPollKnob() {
        return this == COPY || this == MSG_ZEROCOPY;
    }

    public boolean usesRing() {
        return this == URING_SEND || this == URING_ZC || this == URING_ZC_FIXED || sendsMessages();
    }

    /** IORING_OP_SENDMSG_ZC: each request a msghdr with its iovec array. */
    public boolean sendsMessages() {
        return this == URING_SENDMSG_ZC || this == URING_SENDMSG_ZC_FIXED;
    }

    /** Sends from buffers registered with the ring (IORING_RECVSEND_FIXED_BUF). */
    public boolean registersBuffers() {
        return this == URING_ZC_FIXED || this == URING_SENDMSG_ZC_FIXED;
    }

    /**
     * {@code iov} means something: the payload can go as an iovec array, in a msghdr or with
     * IORING_SEND_VECTORIZED. Not uring_zc_fixed: the kernel refuses SEND_VECTORIZED with FIXED_BUF.
     */
    public boolean hasIovKnob() {
        return this == URING_ZC || sendsMessages();
    }

    /**
     * The RFC's variant that this later one sends the same buffers as, with another opcode: uring_zc for
     * uring_sendmsg_zc, uring_zc_fixed for uring_sendmsg_zc_fixed; empty for the others. The two form a row pair.
     */
    public Optional<Variant> earlier() {
        return switch (this) {
            case URING_SENDMSG_ZC -> Optional.of(URING_ZC);
            case URING_SENDMSG_ZC_FIXED -> Optional.of(URING_ZC_FIXED);
            default -> Optional.empty();
        };
    }

    public static Variant of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown variant '" + id + "'; one of: "
                + String.join(", ", ids())));
    }

    /** The variant of this id; empty for an id no variant has (a result not written by zcbench's benchmark). */
    public static Optional<Variant> find(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    /** Every id, in the tables' order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Variant::id).collect(Collectors.toUnmodifiableList());
    }
}
