package zcbench.variants;

import java.util.BitSet;
import java.util.Objects;
import java.util.function.Function;

import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * One sender's settings. The defaults are the loops of the C tools each variant maps onto
 * (docs/ARCHITECTURE.md, "The reference loops"); every departure from them is a knob here.
 *
 * @param payload   bytes per UDP packet
 * @param batch     packets per {@link Sender#sendBatch()}: SQEs per io_uring_enter, or send calls per operation
 * @param flush     uring_zc*: wait for every notification of a batch before the batch returns
 * @param ubufCache ubuf_cache: per-request state from a recycled pool (true) or allocated per request (false)
 * @param poll      copy and msg_zerocopy: MSG_DONTWAIT sends, each followed by poll(POLLOUT), as the
 *                  kernel's msg_zerocopy selftest (true); blocking sends without poll (false)
 * @param verify    every packet stamped with its sequence number, and a buffer reused only after the
 *                  kernel is done with it (true); one buffer written once and sent again and again,
 *                  as the C tools do, since the kernel only reads it (false)
 * @param defer     io_uring: the ring set up with DEFER_TASKRUN (knob setup=defer), so completion work
 *                  runs only when the sender waits with GETEVENTS; COOP_TASKRUN (setup=coop) otherwise
 * @param memory    where the payload buffers live: normal memory, transparent or reserved huge pages
 * @param ip        UDP over IPv4 or IPv6
 * @param slots     payload buffers when verifying; 0 chooses the default for the variant
 * @param iov       iovec entries per packet, the payload split evenly across them (knob iov): in the msghdr of
 *                  uring_sendmsg_zc*, with IORING_SEND_VECTORIZED for uring_zc; 1 = the plain buffer
 * @param protocol  UDP datagrams, or a TCP stream of payload-sized records (docs/ARCHITECTURE.md, "The TCP loop")
 * @param latency   zero-copy variants: each send's time from its completion to its notification recorded
 *                  ({@link NotificationLatency})
 */
public record SendConfig(Variant variant, int payload, int batch, boolean flush, boolean ubufCache, boolean poll,
                         boolean verify, boolean defer, PayloadMemory memory, IpVersion ip, int slots, int iov,
                         Protocol protocol, boolean latency) {
    /** Largest UDP payload over IPv4 (65535 - 20 - 8): the payload knob's range. */
    public static final int MAX_UDP_PAYLOAD = Knobs.MAX_PAYLOAD;
    /** Largest UDP payload over IPv6 without fragments (65535 - 40 - 8). */
    public static final int MAX_UDP6_PAYLOAD = Knobs.MAX_PAYLOAD_IPV6;
    /** Largest batch: SQEs per io_uring_enter, as liburing's send-zerocopy allows; the batch knob's range. */
    public static final int MAX_BATCH = Knobs.MAX_BATCH;
    /**
     * The selftest reads the error queue after this many sends (its notification limit, -l), and
     * msg_zerocopy keeps at least this many buffers when verifying, so one read frees many.
     */
    public static final int NOTIFICATION_LIMIT = 32;
    /** Page fragments one skb holds (the kernel's MAX_SKB_FRAGS, 17 unless configured otherwise). */
    public static final int MAX_SKB_FRAGS = 17;
    /** The payload buffers' alignment and the registered buffers' unit: one skb fragment each. */
    private static final int PAGE_SIZE = 4096;

    public SendConfig {
        int maxPayload = ip == IpVersion.V6 ? MAX_UDP6_PAYLOAD : MAX_UDP_PAYLOAD;
        if (payload < Stamp.HEADER_BYTES || payload > maxPayload) {
            throw new IllegalArgumentException("payload " + payload + " is out of range " + Stamp.HEADER_BYTES + ".."
                    + maxPayload + " bytes (UDP over IPv" + ip.id() + ", with room for the stamp)");
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("batch " + batch + " is out of range 1.." + MAX_BATCH);
        }
        if (flush && !variant.hasFlushKnob()) {
            throw new IllegalArgumentException("flush=true means nothing for " + variant.id()
                    + ": only " + Knobs.variantsOf(Knobs.FLUSH) + " have a notification reaping policy");
        }
        if (!ubufCache && !variant.hasUbufCacheKnob()) {
            throw new IllegalArgumentException(Knobs.UBUF_CACHE.name() + "=off means nothing for " + variant.id()
                    + ": it has no per-request notification state");
        }
        if (!poll && !variant.hasPollKnob()) {
            throw new IllegalArgumentException("poll=false means nothing for " + variant.id()
                    + ": only copy and msg_zerocopy send with syscalls that poll could follow");
        }
        if (defer && !variant.usesRing()) {
            throw new IllegalArgumentException(Knobs.SETUP.name() + "=defer means nothing for " + variant.id()
                    + ": only the io_uring variants set up a ring");
        }
        if (latency && !variant.zeroCopy()) {
            throw new IllegalArgumentException(Knobs.LATENCY.name() + "=true means nothing for " + variant.id()
                    + ": only " + Knobs.variantsOf(Knobs.LATENCY) + " get notifications");
        }
        checkIov(variant, iov);
        checkFragments(variant, payload, iov);
        if (slots < 0) {
            throw new IllegalArgumentException("slots " + slots + " must be 0 (default) or positive");
        }
    }

    private static void checkIov(Variant variant, int iov) {
        if (Knobs.IOV.problem(Integer.toString(iov), BitSet::new) != null) {
            throw new IllegalArgumentException(Knobs.IOV.name() + " must be one of " + Knobs.IOV.values().summary()
                    + ", not " + iov);
        }
        if (iov > 1 && variant == Variant.URING_ZC_FIXED) {
            throw new IllegalArgumentException(Knobs.IOV.name() + "=" + iov + " is refused for uring_zc_fixed: the"
                    + " kernel refuses IORING_SEND_VECTORIZED with IORING_RECVSEND_FIXED_BUF on SEND_ZC (EINVAL);"
                    + " uring_sendmsg_zc_fixed sends an iovec array from registered buffers");
        }
        if (iov > 1 && !variant.hasIovKnob()) {
            throw new IllegalArgumentException(Knobs.IOV.name() + "=" + iov + " means nothing for " + variant.id()
                    + ": only " + Knobs.variantsOf(Knobs.IOV) + " send an iovec array");
        }
    }

    /**
     * A registered buffer goes into the skb one fragment per page of every entry, never merged
     * (io_uring/net.c, io_sg_from_iter), so entries that do not start on a page boundary add a page
     * each; past MAX_SKB_FRAGS the send fails with EMSGSIZE, which is refused here instead.
     */
    private static void checkFragments(Variant variant, int payload, int iov) {
        if (variant != Variant.URING_SENDMSG_ZC_FIXED) {
            return;
        }
        int even = payload / iov;
        int pages = 0;
        for (int i = 0; i < iov; i++) {
            int start = i * even;
            int end = i == iov - 1 ? payload : start + even;
            pages += (end - 1) / PAGE_SIZE - start / PAGE_SIZE + 1;
        }
        if (pages > MAX_SKB_FRAGS) {
            throw new IllegalArgumentException(Knobs.IOV.name() + "=" + iov + " at payload " + payload + " is refused"
                    + " for " + variant.id() + ": its entries span " + pages + " pages, and the kernel sends a"
                    + " registered buffer as one fragment per page, at most " + MAX_SKB_FRAGS + " (MAX_SKB_FRAGS) per"
                    + " packet (EMSGSIZE)");
        }
    }

    /** The variant's row with every other knob at its default: the C tool's loop. */
    public static SendConfig of(Variant variant, int payload, int batch) {
        return from(variant, payload, batch, Knob::defaultValue);
    }

    /**
     * A row's settings from its knob values by name, as JMH's @Params or a plan row hold them; a knob
     * without a value takes its default.
     */
    public static SendConfig of(Function<String, String> valueByName) {
        Function<Knob, String> value = k -> Objects.requireNonNullElseGet(valueByName.apply(k.name()), k::defaultValue);
        return from(Variant.of(value.apply(Knobs.VARIANT)), Integer.parseInt(value.apply(Knobs.PAYLOAD)),
                Integer.parseInt(value.apply(Knobs.BATCH)), value);
    }

    private static SendConfig from(Variant variant, int payload, int batch, Function<Knob, String> value) {
        return new SendConfig(variant, payload, batch, is(Knobs.FLUSH, value, "true", "false"),
                is(Knobs.UBUF_CACHE, value, "on", "off"), is(Knobs.POLL, value, "true", "false"),
                is(Knobs.VERIFY, value, "true", "false"), is(Knobs.SETUP, value, "defer", "coop"),
                PayloadMemory.of(value.apply(Knobs.MEMORY)), IpVersion.of(value.apply(Knobs.IP)), 0,
                iov(value.apply(Knobs.IOV)), Protocol.of(value.apply(Knobs.PROTOCOL)),
                is(Knobs.LATENCY, value, "true", "false"));
    }

    /** The iov knob's value, one of its choices. */
    private static int iov(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Knobs.IOV.name() + " must be one of " + Knobs.IOV.values().summary()
                    + ", not '" + v + "'");
        }
    }

    /** Whether a two-valued knob has its {@code yes} value. */
    private static boolean is(Knob knob, Function<Knob, String> value, String yes, String no) {
        String v = value.apply(knob);
        if (v.equals(yes) || v.equals(no)) {
            return v.equals(yes);
        }
        throw new IllegalArgumentException(knob.name() + " must be " + yes + " or " + no + ", not '" + v + "'");
    }

    public SendConfig withFlush(boolean on) {
        return new SendConfig(variant, payload, batch, on, ubufCache, poll, verify, defer, memory,
                ip, slots, iov, protocol, latency);
    }

    public SendConfig withUbufCache(boolean on) {
        return new SendConfig(variant, payload, batch, flush, on, poll, verify, defer, memory, ip,
                slots, iov, protocol, latency);
    }

    public SendConfig withPoll(boolean on) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, on, verify, defer, memory,
                ip, slots, iov, protocol, latency);
    }

    public SendConfig withVerify(boolean on) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, poll, on, defer, memory,
                ip, slots, iov, protocol, latency);
    }

    public SendConfig withSlots(int n) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, poll, verify, defer,
                memory, ip, n, iov, protocol, latency);
    }

    public SendConfig withDefer(boolean on) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, poll, verify, on, memory,
                ip, slots, iov, protocol, latency);
    }

    public SendConfig withMemory(PayloadMemory m) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, poll, verify, defer, m,
                ip, slots, iov, protocol, latency);
    }

    public SendConfig withIp(IpVersion v) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, poll, verify, defer,
                memory, v, slots, iov, protocol, latency);
    }

    public SendConfig withIov(int entries) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, poll, verify, defer,
                memory, ip, slots, entries, protocol, latency);
    }

    public SendConfig withProtocol(Protocol p) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, poll, verify, defer,
                memory, ip, slots, iov, p, latency);
    }

    public SendConfig withLatency(boolean on) {
        return new SendConfig(variant, payload, batch, flush, ubufCache, poll, verify, defer,
                memory, ip, slots, iov, protocol, on);
    }

    /**
     * Payload buffers. Without verify one buffer serves every send, as in the C tools. With
     * verify: copy needs one (the kernel copies before send returns); uring_send and a flushing
     * zero-copy sender get every buffer back within the batch; uring_zc* without flush rotate
     * twice the batch, so one batch can be in flight while the next is filled; msg_zerocopy keeps
     * {@link #NOTIFICATION_LIMIT} in flight at least, since it reads its completions in ranges.
     */
    public int effectiveSlots() {
        if (!verify) {
            return 1;
        }
        if (slots > 0) {
            return slots;
        }
        return switch (variant) {
            case COPY -> 1;
            case URING_SEND -> batch;
            case MSG_ZEROCOPY -> Math.max(NOTIFICATION_LIMIT, 2 * batch);
            case URING_ZC, URING_ZC_FIXED, URING_SENDMSG_ZC, URING_SENDMSG_ZC_FIXED ->
                    flush ? batch : Math.max(2, 2 * batch);
        };
    }

    /**
     * Requests that may await their notification at once. With verify each holds a buffer; without,
     * the bound only keeps the request table and the completion queue finite: on the sink a
     * notification follows its send at once, so the bound is never reached there.
     */
    public int maxInFlight() {
        return verify ? effectiveSlots() : Math.max(2 * NOTIFICATION_LIMIT, 4 * batch);
    }
}
