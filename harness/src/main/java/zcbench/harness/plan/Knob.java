package zcbench.harness.plan;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import zcbench.vocabulary.Variant;

/**
 * A row parameter of the benchmark: the values it takes, its default(s), the variants it means
 * something for, and whether a row's label shows it at its default.
 *
 * @param name     the JMH parameter name, as given with {@code -p}
 * @param label    the name in labels and documentation (e.g. ubuf_cache for ubufCache)
 * @param values   what is allowed
 * @param defaults what a row takes when nothing is asked for; several only for variant (all of them)
 * @param variants the variants for which the knob changes what is measured
 * @param shown    whether labels always show it, or only when it is not the default
 */
public record Knob(String name, String label, Values values, List<String> defaults, Set<Variant> variants,
                   Shown shown) {

    public enum Shown { ALWAYS, WHEN_CHANGED }

    public Knob {
        defaults = List.copyOf(defaults);
        variants = Set.copyOf(variants);
        for (String d : defaults) {
            if (values.problem(d) != null) {
                throw new IllegalArgumentException(name + ": default '" + d + "' is not allowed");
            }
        }
    }

    public boolean appliesTo(Variant variant) {
        return variants.contains(variant);
    }

    /** The single default of an ordinary knob. */
    public String defaultValue() {
        return defaults.getFirst();
    }

    /** Null when {@code value} is allowed, else what is allowed, to finish "NAME 'VALUE' is not ...". */
    public String problem(String value) {
        return values.problem(value);
    }

    /** What a knob's values may be. */
    public sealed interface Values {
        /** Null when allowed, else the rest of a sentence saying what is allowed. */
        String problem(String value);
    }

    public record Choices(List<String> allowed) implements Values {
        public Choices {
            allowed = List.copyOf(allowed);
        }

        @Override
        public String problem(String value) {
            return allowed.contains(value) ? null : "not one of: " + String.join(", ", allowed);
        }
    }

    /** Whole numbers from min to max; {@code why} says where the bounds come from. */
    public record Range(int min, int max, String why) implements Values {
        @Override
        public String problem(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // said below
            }
            return "not in " + min + ".." + max + " (" + why + ")";
        }
    }

    /** "last", -1 (unpinned) or a CPU this process may run on, as read when asked. */
    public record Cpus(Supplier<BitSet> allowed) implements Values {
        @Override
        public String problem(String value) {
            if (value.equals("last") || value.equals("-1")) {
                return null;
            }
            BitSet cpus = allowed.get();
            try {
                int n = Integer.parseInt(value);
                if (n >= 0 && cpus.get(n)) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // said below
            }
            return "not a CPU this process may run on; allowed: last, -1 (unpinned) or one of " + cpus;
        }
    }
}
