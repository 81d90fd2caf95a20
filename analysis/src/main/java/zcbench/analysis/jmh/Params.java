package zcbench.analysis.jmh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import zcbench.analysis.AnalysisException;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.RowKey;

/**
 * The @Params of one zcbench result row. variant, payload, batch and target must be present for a row to count as
 * zcbench's; every other knob of {@link Knobs} is empty when a run did not have it (poll and verify came later: a
 * run without them ran poll=true, verify=false loops in name only, with the older blocking, stamping loops).
 *
 * @param knobs the values of {@link Knobs#REST}, by name
 */
public record Params(String variant, int payload, int batch, String target, Map<String, String> knobs) {

    /** The parameters the first speedup.csv and compare.csv had, in their column order. */
    public static final List<String> FIRST = List.of(Knobs.VARIANT.name(), Knobs.PAYLOAD.name(), Knobs.BATCH.name(),
            Knobs.FLUSH.name(), Knobs.UBUF_CACHE.name(), Knobs.TARGET, Knobs.CPU.name());
    /**
     * Every parameter in the order of the CSV columns, which are only ever appended: {@link #FIRST}, then the
     * knobs that came later (poll, verify, then any added since) in {@link Knobs#ALL}'s order.
     */
    public static final List<String> NAMES = names();

    public Params {
        knobs = Collections.unmodifiableMap(new LinkedHashMap<>(knobs));
    }

    /** The row's parameters, by the names of JMH's JSON (a knob's former name is read as its name). */
    public static Optional<Params> of(Map<String, String> params) {
        Map<String, String> byName = new LinkedHashMap<>();
        params.forEach((name, value) -> byName.put(Knobs.current(name), value));
        String variant = byName.get(Knobs.VARIANT.name());
        String payload = byName.get(Knobs.PAYLOAD.name());
        String batch = byName.get(Knobs.BATCH.name());
        String target = byName.get(Knobs.TARGET);
        if (variant == null || payload == null || batch == null || target == null) {
            return Optional.empty();
        }
        Map<String, String> knobs = new LinkedHashMap<>();
        Knobs.REST.forEach(k -> knobs.put(k.name(), byName.getOrDefault(k.name(), "")));
        return Optional.of(new Params(variant, positive(Knobs.PAYLOAD, payload), positive(Knobs.BATCH, batch), target,
                knobs));
    }

    /** A knob's value, or the target's; empty when the run did not have it. */
    public String value(String name) {
        if (name.equals(Knobs.VARIANT.name())) {
            return variant;
        }
        if (name.equals(Knobs.PAYLOAD.name())) {
            return Integer.toString(payload);
        }
        if (name.equals(Knobs.BATCH.name())) {
            return Integer.toString(batch);
        }
        return name.equals(Knobs.TARGET) ? target : knobs.getOrDefault(name, "");
    }

    public String value(Knob knob) {
        return value(knob.name());
    }

    /** Whether the row ran the knob's default; a run from before the knob (no value) ran it. */
    public boolean atDefault(Knob knob) {
        String v = value(knob);
        return v.isEmpty() || v.equals(knob.defaultValue());
    }

    /** The values of {@link #NAMES}. */
    public List<String> values() {
        return NAMES.stream().map(this::value).toList();
    }

    /** The same row with one knob (or the target) set to another value. */
    public Params with(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>();
        NAMES.forEach(n -> all.put(n, value(n)));
        all.put(name, value);
        return of(all).orElseThrow();
    }

    /** The row's one name ({@link RowKey}). */
    public String key() {
        Map<String, String> all = new LinkedHashMap<>();
        Knobs.names().forEach(n -> all.put(n, value(n)));
        return RowKey.of(all, target);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(FIRST);
        Knobs.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return List.copyOf(names);
    }

    private static int positive(Knob knob, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AnalysisException("A result has " + knob.name() + "=\"" + value
                + "\", not a positive whole number; the JSON was not written by zcbench's benchmark or was edited.");
    }
}
