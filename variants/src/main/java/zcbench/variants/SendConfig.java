package zcbench.variants;

/**
 * One sender's settings, with the meanings of DESIGN.md.
 *
 * @param payload   bytes per UDP packet
 * @param batch     packets per {@link Sender#sendBatch()}: SQEs per io_uring_enter, or send calls per operation
 * @param flush     uring_zc*: wait for every notification of a batch before its buffers are used again
 * @param ubufCache per-request state from a recycled pool (true) or allocated per request (false)
 * @param slots     payload buffers in the pool; 0 chooses the default for the variant
 */
public record SendConfig(Variant variant, int payload, int batch, boolean flush, boolean ubufCache, int slots) {
    /** Largest UDP payload over IPv4 (65535 - 20 - 8). */
    public static final int MAX_UDP_PAYLOAD = 65507;
    private static final int MSG_ZEROCOPY_MIN_SLOTS = 32;

    public SendConfig {
        if (payload < Stamp.HEADER_BYTES || payload > MAX_UDP_PAYLOAD) {
            throw new IllegalArgumentException("payload " + payload + " is out of range " + Stamp.HEADER_BYTES + ".."
                    + MAX_UDP_PAYLOAD + " bytes (UDP over IPv4, with room for the stamp)");
        }
        if (batch < 1 || batch > 256) {
            throw new IllegalArgumentException("batch " + batch + " is out of range 1..256");
        }
        if (flush && !variant.hasFlushKnob()) {
            throw new IllegalArgumentException("flush=true means nothing for " + variant.id()
                    + ": only uring_zc and uring_zc_fixed have a notification reaping policy");
        }
        if (!ubufCache && !variant.hasUbufCacheKnob()) {
            throw new IllegalArgumentException("ubufCache=off means nothing for " + variant.id()
                    + ": it has no per-request notification state");
        }
        if (slots < 0) {
            throw new IllegalArgumentException("slots " + slots + " must be 0 (default) or positive");
        }
    }

    public static SendConfig of(Variant variant, int payload, int batch) {
        return new SendConfig(variant, payload, batch, false, true, 0);
    }

    /**
     * Buffers in the pool. copy needs one (the kernel copies before send returns); uring_send and
     * a flushing zero-copy sender get every buffer back within the batch; uring_zc* without flush
     * rotate twice the batch, so one batch can be in flight while the next is filled; msg_zerocopy
     * keeps 32 in flight at least, since it reads its completions in ranges, as the kernel's
     * msg_zerocopy tool does every 32 sends.
     */
    public int effectiveSlots() {
        if (slots > 0) {
            return slots;
        }
        return switch (variant) {
            case COPY -> 1;
            case URING_SEND -> batch;
            case MSG_ZEROCOPY -> Math.max(MSG_ZEROCOPY_MIN_SLOTS, 2 * batch);
            case URING_ZC, URING_ZC_FIXED -> flush ? batch : Math.max(2, 2 * batch);
        };
    }
}
