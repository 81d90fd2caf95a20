package zcbench.vocabulary;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The send paths measured, named as the benchmark's {@code variant} parameter. */
public enum Variant {
    /** send(2) per packet, no MSG_ZEROCOPY: the RFC's "msg_zerocopy without -z". */
    COPY("copy", false, false),
    /** SO_ZEROCOPY + sendmsg(MSG_ZEROCOPY), completions from the error queue: the RFC's baseline. */
    MSG_ZEROCOPY("msg_zerocopy", true, false),
    /** IORING_OP_SEND. */
    URING_SEND("uring_send", false, false),
    /** IORING_OP_SEND_ZC with normal (unregistered) buffers. */
    URING_ZC("uring_zc", true, true),
    /** IORING_OP_SEND_ZC with IORING_RECVSEND_FIXED_BUF on registered buffers. */
    URING_ZC_FIXED("uring_zc_fixed", true, true);

    private final String id;
    private final boolean zeroCopy;
    private final boolean flushKnob;

    Variant(String id, boolean zeroCopy, boolean flushKnob) {
        this.id = id;
        this.zeroCopy = zeroCopy;
        this.flushKnob = flushKnob;
    }

    public String id() {
        return id;
    }

    /** Sends owe a completion notification, may be copied after all, and have per-request state. */
    public boolean zeroCopy() {
        return zeroCopy;
    }

    /** {@code flush} means something: the notification reaping policy of SEND_ZC. */
    public boolean hasFlushKnob() {
        return flushKnob;
    }

    /** {@code ubufCache} means something: there is per-request state to recycle or allocate. */
    public boolean hasUbufCacheKnob() {
        return zeroCopy;
    }

    /** {@code poll} means something: the variant sends with a syscall per packet that poll(2) can follow. */
    public boolean hasPollKnob() {
        return this == COPY || this == MSG_ZEROCOPY;
    }

    public boolean usesRing() {
        return this == URING_SEND || this == URING_ZC || this == URING_ZC_FIXED;
    }

    public static Variant of(String id) {
        for (Variant v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + id + "'; one of: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Variant::id).collect(Collectors.joining(", "));
    }
}
