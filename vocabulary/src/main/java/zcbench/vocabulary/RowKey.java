package zcbench.vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one name of a result row, safe in a file name, e.g.
 * {@code uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink}: the variant, the payload, {@code b} and the
 * batch, then each knob that means something for the variant and is always shown, as name=value, then each that
 * is shown only when changed and is not at its default, then the target. Knobs that mean nothing for the variant
 * never appear ({@code copy-65435-b8-sink}). Progress lines, flame graph and JFR file names, compare's rows and
 * the {@code row} column of every CSV use it.
 */
public final class RowKey {
    /** The column that holds the key in every CSV the project writes. */
    public static final String COLUMN = "row";

    private RowKey() {
    }

    /**
     * @param knobs  values by knob name; variant, payload and batch must be there, a knob that is missing or
     *               empty (a run from before it) is left out; a variant no zcbench variant has shows every knob
     * @param target the run's target
     */
    public static String of(Map<String, String> knobs, String target) {
        List<String> parts = new ArrayList<>(List.of(required(knobs, Knobs.VARIANT.name()),
                required(knobs, Knobs.PAYLOAD.name()), "b" + required(knobs, Knobs.BATCH.name())));
        shown(knobs).forEach(k -> parts.add(k.name() + "=" + knobs.get(k.name())));
        parts.add(target);
        return safe(String.join("-", parts));
    }

    /**
     * The knobs of {@link Knobs#REST} a row shows, in the order it shows them: those that mean something for
     * its variant and are always shown, then those shown when changed that are not at their default.
     *
     * @param knobs values by knob name, the variant's among them
     */
    public static List<Knob> shown(Map<String, String> knobs) {
        Optional<Variant> variant = Variant.find(required(knobs, Knobs.VARIANT.name()));
        List<Knob> shown = new ArrayList<>();
        for (Knob.Shown when : Knob.Shown.values()) {
            for (Knob k : Knobs.REST) {
                String value = knobs.getOrDefault(k.name(), "");
                boolean applies = variant.map(k::appliesTo).orElse(true);
                if (k.shown() == when && !value.isEmpty() && applies
                        && (when == Knob.Shown.ALWAYS || !value.equals(k.defaultValue()))) {
                    shown.add(k);
                }
            }
        }
        return List.copyOf(shown);
    }

    /** Letters, digits and {@code . _ + = -} stay; anything else becomes {@code _}. */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._+=-]", "_");
    }

    private static String required(Map<String, String> knobs, String name) {
        String value = knobs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("a row key needs a " + name + "; the row has " + knobs.keySet());
        }
        return value;
    }
}
