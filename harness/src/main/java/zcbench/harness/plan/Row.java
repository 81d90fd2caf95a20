package zcbench.harness.plan;

import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.Stream;

import zcbench.linux.sched.Affinity;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.RowKey;
import zcbench.vocabulary.Variant;

/**
 * One row of a plan: a value for every knob of {@link Knobs}, by name in the table's order. Target is
 * not among them: a run sets it for all rows.
 */
public record Row(Map<String, String> params) {
    /** The CPUs a cpu value may name: those this process may run on, read when a CPU number is checked. */
    public static final Supplier<BitSet> ALLOWED_CPUS = Affinity::currentThread;

    public Row {
        Map<String, String> complete = new LinkedHashMap<>();
        for (Knob k : Knobs.ALL) {
            String v = params.get(k.name());
            if (v == null) {
                if (k.defaults().size() != 1) {
                    throw new IllegalArgumentException("a row needs a " + k.name());
                }
                v = k.defaultValue();
            }
            complete.put(k.name(), v);
        }
        for (String name : params.keySet()) {
            if (Knobs.of(name).isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' is not a row parameter; they are " + Knobs.names());
            }
        }
        params = Collections.unmodifiableMap(complete);
    }

    /** The plans' rows: the other knobs at their defaults (the C tools' loops: poll, no verify). */
    public static Row of(Variant variant, int payload, int batch, boolean flush, boolean ubufCache) {
        return new Row(Map.of(Knobs.VARIANT.name(), variant.id(), Knobs.PAYLOAD.name(), Integer.toString(payload),
                Knobs.BATCH.name(), Integer.toString(batch), Knobs.FLUSH.name(), Boolean.toString(flush),
                Knobs.UBUF_CACHE.name(), ubufCache ? "on" : "off"));
    }

    /** This row with one knob set to {@code value}. */
    public Row with(Knob knob, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(knob.name(), value);
        return new Row(p);
    }

    /** A plan's row with the loop knobs set. */
    public static Row of(Variant variant, int payload, int batch, boolean flush, boolean ubufCache, boolean poll,
                         boolean verify) {
        Map<String, String> p = new LinkedHashMap<>(of(variant, payload, batch, flush, ubufCache).params());
        p.put(Knobs.POLL.name(), Boolean.toString(poll));
        p.put(Knobs.VERIFY.name(), Boolean.toString(verify));
        return new Row(p);
    }

    /** Null when a row may have {@code value} for {@code knob} on this machine, else what is allowed. */
    public static String problem(Knob knob, String value) {
        return knob.problem(value, ALLOWED_CPUS);
    }

    public Variant variant() {
        return Variant.of(params.get(Knobs.VARIANT.name()));
    }

    public String value(String knob) {
        return params.get(knob);
    }

    /**
     * A short label for people: the variant, payload and batch, then the knobs its key shows
     * ({@link RowKey#shown}), each as name=value.
     */
    public String label() {
        StringJoiner sb = new StringJoiner(" ");
        sb.add(variant().id());
        Stream.concat(Stream.of(Knobs.PAYLOAD, Knobs.BATCH), RowKey.shown(params).stream())
                .forEach(k -> sb.add(k.name() + "=" + params.get(k.name())));
        return sb.toString();
    }

    /** The row's one name on {@code target} ({@link RowKey}): progress lines, flame graphs, every CSV. */
    public String key(String target) {
        return RowKey.of(params, target);
    }
}
