package zcbench.harness.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import zcbench.vocabulary.Variant;

/**
 * One row of a plan: a value for every knob of {@link Knobs}, by JMH parameter name in the table's
 * order. Target is not among them: a run sets it for all rows.
 */
public record Row(Map<String, String> params) {

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
        params = java.util.Collections.unmodifiableMap(complete);
    }

    /** The plans' rows: the other knobs at their defaults (the C tools' loops: poll, no verify). */
    public static Row of(Variant variant, int payload, int batch, boolean flush, boolean ubufCache) {
        return new Row(Map.of("variant", variant.id(), "payload", Integer.toString(payload),
                "batch", Integer.toString(batch), "flush", Boolean.toString(flush),
                "ubufCache", ubufCache ? "on" : "off"));
    }

    /** A plan's row with the loop knobs set. */
    public static Row of(Variant variant, int payload, int batch, boolean flush, boolean ubufCache, boolean poll,
                         boolean verify) {
        Map<String, String> p = new LinkedHashMap<>(of(variant, payload, batch, flush, ubufCache).params());
        p.put("poll", Boolean.toString(poll));
        p.put("verify", Boolean.toString(verify));
        return new Row(p);
    }

    public Variant variant() {
        return Variant.of(params.get(Knobs.VARIANT.name()));
    }

    public String value(String knob) {
        return params.get(knob);
    }

    /**
     * A short label for progress lines and file names: the variant, then each knob that means
     * something for it (those marked WHEN_CHANGED only when not at their default).
     */
    public String label() {
        Variant v = variant();
        StringJoiner sb = new StringJoiner(" ");
        sb.add(v.id());
        for (Knob k : Knobs.ALL) {
            if (k == Knobs.VARIANT || !k.appliesTo(v)) {
                continue;
            }
            String value = params.get(k.name());
            if (k.shown() == Knob.Shown.ALWAYS || !value.equals(k.defaultValue())) {
                sb.add(k.label() + "=" + value);
            }
        }
        return sb.toString();
    }
}
