package zcbench.variants;

import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * One sender's settings: its variant and a value for every other knob of {@link Knobs#ALL}, its default
 * where none was given. The defaults are the loops of the C tools each variant maps onto (docs/ARCHITECTURE.md,
 * "The reference loops"); every departure from them is a knob.
 *
 * <p>A knob is read with {@link #value}; the knobs the senders read on open are parsed once here into typed
 * accessors, so that a hot path never parses a string. Made only through {@link #of} and {@link #with}, each
 * checked: every value allowed, a knob the variant lacks at its default (the knob's own sentence), and the
 * rules of the variant's provider.
 */
public final class SendConfig {
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

    private final Variant variant;
    private final Map<Knob, String> values;
    private final int slots;
    private final int payload;
    private final int batch;
    private final int iov;
    private final boolean flush;
    private final boolean ubufCache;
    private final boolean poll;
    private final boolean verify;
    private final boolean defer;
    private final boolean latency;
    private final PayloadMemory memory;
    private final IpVersion ip;
    private final Protocol protocol;

    private SendConfig(Variant variant, Map<Knob, String> values, int slots) {
        this.variant = variant;
        this.values = Collections.unmodifiableMap(values);
        this.slots = slots;
        for (Map.Entry<Knob, String> e : values.entrySet()) {
            checkAllowed(e.getKey(), e.getValue());
        }
        ip = IpVersion.of(values.get(Knobs.IP));
        payload = Integer.parseInt(values.get(Knobs.PAYLOAD));
        int maxPayload = ip == IpVersion.V6 ? MAX_UDP6_PAYLOAD : MAX_UDP_PAYLOAD;
        if (payload < Stamp.HEADER_BYTES || payload > maxPayload) {
            throw new IllegalArgumentException("payload " + payload + " is out of range " + Stamp.HEADER_BYTES + ".."
                    + maxPayload + " bytes (UDP over IPv" + ip.id() + ", with room for the stamp)");
        }
        batch = Integer.parseInt(values.get(Knobs.BATCH));
        iov = Integer.parseInt(values.get(Knobs.IOV));
        flush = values.get(Knobs.FLUSH).equals("true");
        ubufCache = values.get(Knobs.UBUF_CACHE).equals("on");
        poll = values.get(Knobs.POLL).equals("true");
        verify = values.get(Knobs.VERIFY).equals("true");
        defer = values.get(Knobs.SETUP).equals("defer");
        latency = values.get(Knobs.LATENCY).equals("true");
        memory = PayloadMemory.of(values.get(Knobs.MEMORY));
        protocol = Protocol.of(values.get(Knobs.PROTOCOL));
        // The provider first: it may say in its own words why it lacks a knob (uring_zc_fixed and iov).
        SenderRegistry.of(variant).refusal(this).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        for (Map.Entry<Knob, String> e : values.entrySet()) {
            Knob k = e.getKey();
            if (!variant.has(k) && !e.getValue().equals(k.defaultValue())) {
                throw new IllegalArgumentException(k.refusal(e.getValue(), variant));
            }
        }
        if (slots < 0) {
            throw new IllegalArgumentException("slots " + slots + " must be 0 (default) or positive");
        }
    }

    /**
     * Refuses a value the knob does not take, in the words it always had: "batch 0 is out of range 1..256",
     * "flush must be true or false, not 'yes'", "iov must be one of 1|2|4|8|16, not 3". The CPU knobs are the
     * harness's to check, which knows the CPUs; the payload's range is checked with the IP version.
     */
    private static void checkAllowed(Knob knob, String value) {
        if (knob == Knobs.PAYLOAD) {
            try {
                Integer.parseInt(value);
                return;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("payload must be a whole number of bytes, not '" + value + "'");
            }
        }
        if (knob.values() instanceof Knob.UpToCpus || knob.values() instanceof Knob.Cpus
                || knob.problem(value, BitSet::new) == null) {
            return;
        }
        throw new IllegalArgumentException(switch (knob.values()) {
            case Knob.Range r -> knob.name() + " " + value + " is out of range " + r.min() + ".." + r.max();
            case Knob.Choices c when c.allowed().size() == 2 -> knob.name() + " must be " + c.allowed().get(0) + " or "
                    + c.allowed().get(1) + ", not '" + value + "'";
            default -> knob.name() + " must be one of " + knob.values().summary() + ", not "
                    + (value.chars().allMatch(Character::isDigit) ? value : "'" + value + "'");
        });
    }

    /** The variant's row with every other knob at its default: the C tool's loop. */
    public static SendConfig of(Variant variant, int payload, int batch) {
        Map<String, String> given = Map.of(Knobs.PAYLOAD.name(), Integer.toString(payload), Knobs.BATCH.name(),
                Integer.toString(batch));
        return from(variant, given::get);
    }

    /**
     * A row's settings from its knob values by name, as JMH's @Params or a plan row hold them; a knob
     * without a value takes its default.
     */
    public static SendConfig of(Function<String, String> valueByName) {
        String id = Objects.requireNonNullElseGet(valueByName.apply(Knobs.VARIANT.name()),
                Knobs.VARIANT::defaultValue);
        return from(Variant.of(id), valueByName);
    }

    private static SendConfig from(Variant variant, Function<String, String> valueByName) {
        Map<Knob, String> values = new LinkedHashMap<>();
        for (Knob k : Knobs.ALL) {
            if (k != Knobs.VARIANT) {
                values.put(k, Objects.requireNonNullElseGet(valueByName.apply(k.name()), k::defaultValue));
            }
        }
        return new SendConfig(variant, values, 0);
    }

    /** The same settings with {@code knob} at {@code value}, checked as every config is. */
    public SendConfig with(Knob knob, String value) {
        if (knob == Knobs.VARIANT) {
            return new SendConfig(Variant.of(value), new LinkedHashMap<>(values), slots);
        }
        Map<Knob, String> changed = new LinkedHashMap<>(values);
        if (changed.put(knob, value) == null) {
            throw new IllegalArgumentException("unknown knob " + knob.name());
        }
        return new SendConfig(variant, changed, slots);
    }

    /** Payload buffers when verifying, instead of the variant's own number: for tests that make buffers scarce. */
    public SendConfig withSlots(int n) {
        return new SendConfig(variant, new LinkedHashMap<>(values), n);
    }

    public Variant variant() {
        return variant;
    }

    /** The value of {@code knob}, as a row names it. */
    public String value(Knob knob) {
        return knob == Knobs.VARIANT ? variant.id() : values.get(knob);
    }

    /** Bytes per packet. */
    public int payload() {
        return payload;
    }

    /** Packets per {@link Sender#sendBatch()}: SQEs per io_uring_enter, or send calls per operation. */
    public int batch() {
        return batch;
    }

    /** uring_zc*: wait for every notification of a batch before the batch returns. */
    public boolean flush() {
        return flush;
    }

    /** ubuf_cache: per-request state from a recycled pool (true) or allocated per request (false). */
    public boolean ubufCache() {
        return ubufCache;
    }

    /** copy and msg_zerocopy: MSG_DONTWAIT sends each followed by poll(POLLOUT), as the selftest (true). */
    public boolean poll() {
        return poll;
    }

    /** Every packet stamped, and a buffer reused only after the kernel is done with it. */
    public boolean verify() {
        return verify;
    }

    /** io_uring: the ring set up with DEFER_TASKRUN (setup=defer) instead of COOP_TASKRUN. */
    public boolean defer() {
        return defer;
    }

    /** Where the payload buffers live. */
    public PayloadMemory memory() {
        return memory;
    }

    public IpVersion ip() {
        return ip;
    }

    /** Payload buffers when verifying as given by {@link #withSlots}; 0 for the variant's own number. */
    public int slots() {
        return slots;
    }

    /** iovec entries per packet, the payload split evenly across them; 1 = the plain buffer. */
    public int iov() {
        return iov;
    }

    /** UDP datagrams, or a TCP stream of payload-sized records (docs/ARCHITECTURE.md, "The TCP loop"). */
    public Protocol protocol() {
        return protocol;
    }

    /** Zero-copy variants: each send's time from its completion to its notification ({@link NotificationLatency}). */
    public boolean latency() {
        return latency;
    }

    /**
     * Payload buffers. Without verify one buffer serves every send, as in the C tools. With verify, the
     * number {@link #withSlots} gave, or the variant's own ({@code SenderProvider.verifySlots}).
     */
    public int effectiveSlots() {
        if (!verify) {
            return 1;
        }
        return slots > 0 ? slots : SenderRegistry.of(variant).verifySlots(this);
    }

    /**
     * Requests that may await their notification at once. With verify each holds a buffer; without,
     * the bound only keeps the request table and the completion queue finite: on the sink a
     * notification follows its send at once, so the bound is never reached there.
     */
    public int maxInFlight() {
        return verify ? effectiveSlots() : Math.max(2 * NOTIFICATION_LIMIT, 4 * batch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendConfig c && c.variant.equals(variant) && c.values.equals(values) && c.slots == slots;
    }

    @Override
    public int hashCode() {
        return Objects.hash(variant, values, slots);
    }

    @Override
    public String toString() {
        return "SendConfig[variant=" + variant.id() + ", " + values.entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("")
                + (slots > 0 ? ", slots=" + slots : "") + "]";
    }
}
