package zcbench.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * One row: a value for every knob of {@link Knobs}, in {@link Knobs#ALL}'s order, and the target it sends to.
 * The one row type of the project: a plan's rows, the rows the profilers name and the rows of a result file
 * are all this (docs/ARCHITECTURE.md, "One row").
 *
 * @param knobs  every knob by name, in {@link Knobs#ALL}'s order; empty for a knob the run that wrote a result did
 *               not have yet (it ran the loop that knob's default names)
 * @param target where the row sends; empty for a plan's row, which a run places on its one target
 */
public record Row(Map<String, String> knobs, String target) {

    /**
     * The one mapping of a row's values onto CSV columns, which only ever grow at the end: variant, payload, batch,
     * flush, ubuf_cache, target and cpu as the first speedup.csv, compare.csv and profile-summary.csv had them,
     * then every other knob in {@link Knobs#ALL}'s order. Where a CSV puts other columns between them, the CSV
     * says so (speedup.csv, compare.csv); the order of the row's values is this one in every CSV.
     */
    public static final List<String> CSV_ORDER = csvOrder();

    public Row {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Knob k : Knobs.ALL) {
            ordered.put(k.name(), knobs.getOrDefault(k.name(), ""));
        }
        for (String name : knobs.keySet()) {
            if (Knobs.of(name).isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' is not a row parameter; they are " + Knobs.names());
            }
        }
        knobs = Collections.unmodifiableMap(ordered);
        target = target == null ? "" : target;
    }

    /**
     * A row to run: {@code values} by knob name, every knob not among them at its default. No target: a run sets
     * it for all its rows.
     *
     * @throws IllegalArgumentException for a name that is no knob, or no variant
     */
    public static Row of(Map<String, String> values) {
        Map<String, String> complete = new LinkedHashMap<>(values);
        for (Knob k : Knobs.ALL) {
            if (!complete.containsKey(k.name())) {
                if (k.defaults().size() != 1) {
                    throw new IllegalArgumentException("a row needs a " + k.name());
                }
                complete.put(k.name(), k.defaultValue());
            }
        }
        return new Row(complete, "");
    }

    /** The plans' rows: the other knobs at their defaults (the C tools' loops: poll, no verify). */
    public static Row of(Variant variant, int payload, int batch, boolean flush, boolean ubufCache) {
        return of(Map.of(Knobs.VARIANT.name(), variant.id(), Knobs.PAYLOAD.name(), Integer.toString(payload),
                Knobs.BATCH.name(), Integer.toString(batch), Knobs.FLUSH.name(), Boolean.toString(flush),
                Knobs.UBUF_CACHE.name(), ubufCache ? "on" : "off"));
    }

    /** A plan's row with the loop knobs set. */
    public static Row of(Variant variant, int payload, int batch, boolean flush, boolean ubufCache, boolean poll,
                         boolean verify) {
        return of(variant, payload, batch, flush, ubufCache).with(Knobs.POLL, Boolean.toString(poll))
                .with(Knobs.VERIFY, Boolean.toString(verify));
    }

    /**
     * The row a result's parameters name (JMH's, a CSV line's), a knob's former name read as its name; empty when
     * they are not a zcbench row's: variant, payload, batch and target must be there. A knob the result lacks is
     * empty; other parameters are left out.
     */
    public static Optional<Row> read(Map<String, String> params) {
        Map<String, String> byName = new LinkedHashMap<>();
        params.forEach((name, value) -> byName.put(Knobs.current(name), value));
        String target = byName.get(Knobs.TARGET);
        if (target == null || Knobs.LEADING.stream().anyMatch(k -> !byName.containsKey(k.name()))) {
            return Optional.empty();
        }
        Map<String, String> knobs = new LinkedHashMap<>();
        Knobs.ALL.forEach(k -> knobs.put(k.name(), byName.getOrDefault(k.name(), "")));
        return Optional.of(new Row(knobs, target));
    }

    /** The variant's id, as the row names it. */
    public String variant() {
        return knobs.get(Knobs.VARIANT.name());
    }

    /** The declaration of the row's variant: a row to run names one of them. */
    public Variant declaredVariant() {
        return Variant.of(variant());
    }

    public int payload() {
        return Integer.parseInt(knobs.get(Knobs.PAYLOAD.name()));
    }

    public int batch() {
        return Integer.parseInt(knobs.get(Knobs.BATCH.name()));
    }

    public String value(Knob knob) {
        return knobs.get(knob.name());
    }

    /** A knob's value by name, or the target's; empty when the row has no such value. */
    public String value(String name) {
        return name.equals(Knobs.TARGET) ? target : knobs.getOrDefault(name, "");
    }

    /** Whether the row ran the knob's default; a result from before the knob (no value) ran it. */
    public boolean atDefault(Knob knob) {
        String v = value(knob);
        return v.isEmpty() || v.equals(knob.defaultValue());
    }

    /** This row with one knob set to {@code value}. */
    public Row with(Knob knob, String value) {
        return with(knob.name(), value);
    }

    /** This row with one knob, or the target, set to {@code value}; a name that is neither is refused as ever. */
    public Row with(String name, String value) {
        if (name.equals(Knobs.TARGET)) {
            return new Row(knobs, value);
        }
        Map<String, String> k = new LinkedHashMap<>(knobs);
        k.put(name, value);
        return new Row(k, target);
    }

    /** The values of {@link #CSV_ORDER}. */
    public List<String> csvValues() {
        return CSV_ORDER.stream().map(this::value).toList();
    }

    /**
     * A short label for people: the variant, payload and batch, then the knobs its key shows
     * ({@link RowKey#shown}), each as name=value.
     */
    public String label() {
        StringJoiner sb = new StringJoiner(" ");
        sb.add(variant());
        Stream.concat(Stream.of(Knobs.PAYLOAD, Knobs.BATCH), RowKey.shown(knobs).stream())
                .forEach(k -> sb.add(k.name() + "=" + knobs.get(k.name())));
        return sb.toString();
    }

    /** The row's one name ({@link RowKey}): progress lines, flame graphs, every CSV. */
    public String key() {
        if (target.isEmpty()) {
            throw new IllegalStateException("row " + label() + " has no target yet; a run sets it");
        }
        return RowKey.of(knobs, target);
    }

    /** The row's one name on {@code target}, for a plan's row before a run places it. */
    public String key(String target) {
        return RowKey.of(knobs, target);
    }

    private static List<String> csvOrder() {
        List<String> order = new ArrayList<>(List.of(Knobs.VARIANT.name(), Knobs.PAYLOAD.name(),
                Knobs.BATCH.name(), Knobs.FLUSH.name(), Knobs.UBUF_CACHE.name(), Knobs.TARGET, Knobs.CPU.name()));
        Knobs.names().stream().filter(n -> !order.contains(n)).forEach(order::add);
        return List.copyOf(order);
    }
}
