package zcbench.harness.plan;

import static zcbench.harness.plan.Knob.Shown.ALWAYS;
import static zcbench.harness.plan.Knob.Shown.WHEN_CHANGED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import zcbench.linux.sched.Affinity;
import zcbench.variants.SendConfig;
import zcbench.variants.Stamp;
import zcbench.vocabulary.Variant;

/**
 * Every row parameter of UdpSendBenchmark, in label order: the one place that says which values a
 * knob takes and for which variants it means something. A knob added to the benchmark is one line
 * here; plans, {@code -p}, labels, plan.json and reruns all follow from it.
 */
public final class Knobs {
    /** Largest batch the senders accept. */
    public static final int MAX_BATCH = SendConfig.MAX_BATCH;

    private static final Set<Variant> ALL_VARIANTS = EnumSet.allOf(Variant.class);

    public static final Knob VARIANT = new Knob("variant", "variant",
            new Knob.Choices(Arrays.stream(Variant.values()).map(Variant::id).toList()),
            Arrays.stream(Variant.values()).map(Variant::id).toList(), ALL_VARIANTS, ALWAYS);

    public static final List<Knob> ALL = List.of(
            VARIANT,
            new Knob("payload", "payload", new Knob.Range(Stamp.HEADER_BYTES, SendConfig.MAX_UDP_PAYLOAD,
                    "bytes of UDP over IPv4 on the sink's 65535-byte MTU, the first " + Stamp.HEADER_BYTES
                            + " of them the sequence stamp"),
                    List.of("65435"), ALL_VARIANTS, ALWAYS),
            new Knob("batch", "batch", new Knob.Range(1, MAX_BATCH, "packets per operation; the io_uring ring is sized"
                    + " for at most " + MAX_BATCH + " requests per io_uring_enter"),
                    List.of("8"), ALL_VARIANTS, ALWAYS),
            new Knob("flush", "flush", new Knob.Choices(List.of("true", "false")), List.of("false"),
                    variants(Variant::hasFlushKnob), ALWAYS),
            new Knob("ubufCache", "ubuf_cache", new Knob.Choices(List.of("on", "off")), List.of("on"),
                    variants(Variant::hasUbufCacheKnob), ALWAYS),
            new Knob("poll", "poll", new Knob.Choices(List.of("true", "false")), List.of("true"),
                    variants(Variant::hasPollKnob), WHEN_CHANGED),
            new Knob("verify", "verify", new Knob.Choices(List.of("true", "false")), List.of("false"),
                    ALL_VARIANTS, WHEN_CHANGED),
            new Knob("cpu", "cpu", new Knob.Cpus(Affinity::currentThread), List.of("last"), ALL_VARIANTS,
                    WHEN_CHANGED));

    /** Benchmark parameters that are not row parameters: set once per run, by its own option. */
    public static final String TARGET = "target";

    private Knobs() {
    }

    public static Optional<Knob> of(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Knob::name).toList();
    }

    /** "uring_zc and uring_zc_fixed": the variants a knob means something for. */
    public static String variantsOf(Knob knob) {
        List<String> ids = Arrays.stream(Variant.values()).filter(knob::appliesTo).map(Variant::id).toList();
        if (ids.size() == 1) {
            return ids.getFirst();
        }
        return ids.subList(0, ids.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + ids.getLast();
    }

    private static Set<Variant> variants(java.util.function.Predicate<Variant> has) {
        return Arrays.stream(Variant.values()).filter(has).collect(Collectors.toCollection(() -> EnumSet.noneOf(
                Variant.class)));
    }
}
