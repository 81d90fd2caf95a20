package zcbench.vocabulary;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A row parameter of the benchmark: the values it takes, its default(s), and whether a row's label and key
 * show it at its default. Which variants it means something for, each variant declares ({@link Variant#knobs()}).
 *
 * @param name     its one name: the JMH parameter, {@code -p NAME=}, labels, keys, plan.json, CSV headers
 * @param values   what is allowed
 * @param defaults what a row takes when nothing is asked for; several only for variant (all of them)
 * @param shown    whether labels and keys always show it, or only when it is not the default
 * @param meaning  what it means on today's kernel, for env.json ({@code knob_<name>}); empty when its name says it
 * @param purpose  what the variants that have it do, to finish "only uring_zc and uring_sendmsg_zc ...": the
 *                 sentence that refuses it for another variant
 */
public record Knob(String name, Values values, List<String> defaults, Shown shown, String meaning, String purpose) {

    public enum Shown { ALWAYS, WHEN_CHANGED }

    public Knob {
        defaults = List.copyOf(defaults);
        for (String d : defaults) {
            // The variants are declared after the knobs (a declaration names its knobs): checked by VariantCatalog's test.
            if (!(values instanceof VariantIds) && values.problem(d, BitSet::new) != null) {
                throw new IllegalArgumentException(name + ": default '" + d + "' is not allowed");
            }
        }
    }

    public boolean appliesTo(Variant variant) {
        return variant.has(this);
    }

    /** The variants that have it, as each declares. */
    public Set<Variant> variants() {
        return Variant.all().stream().filter(this::appliesTo).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The sentence that refuses {@code name=value} for {@code variant}, which lacks this knob: "flush=true means
     * nothing for copy: only uring_zc and uring_zc_fixed have a notification reaping policy".
     */
    public String refusal(String value, Variant variant) {
        return name + "=" + value + " means nothing for " + variant.id() + ": only " + Knobs.variantsOf(this) + " "
                + purpose;
    }

    /** The single default of an ordinary knob. */
    public String defaultValue() {
        return defaults.getFirst();
    }

    /**
     * Null when {@code value} is allowed, else what is allowed, to finish "NAME 'VALUE' is not ...".
     *
     * @param allowedCpus the CPUs this process may run on, read only when a CPU number is checked: the caller
     *                    knows them (the vocabulary makes no syscall)
     */
    public String problem(String value, Supplier<BitSet> allowedCpus) {
        return values.problem(value, allowedCpus);
    }

    /** What a knob's values may be. */
    public sealed interface Values {
        /** Null when allowed, else the rest of a sentence saying what is allowed. */
        String problem(String value, Supplier<BitSet> allowedCpus);
    
        /** The allowed values in a few characters, as help lists them: "on|off", "16..65507". */
        String summary();
    }

    /** The declared variants' ids, read from {@link VariantCatalog} when first asked, not when the knobs are made. */
    public record VariantIds() implements Values {
        @Override
        public String problem(String value, Supplier<BitSet> allowedCpus) {
            return Variant.find(value).isPresent() ? null : "not one of: " + String.join(", ", Variant.ids());
        }

        @Override
        public String summary() {
            return String.join("|", Variant.ids());
        }
    }

    public record Choices(List<String> allowed) implements Values {
        public Choices {
            allowed = List.copyOf(allowed);
        }

        @Override
        public String problem(String value, Supplier<BitSet> allowedCpus) {
            return allowed.contains(value) ? null : "not one of: " + String.join(", ", allowed);
        }

        @Override
        public String summary() {
            return String.join("|", allowed);
        }
    }

    /** Whole numbers from min to max; {@code why} says where the bounds come from. */
    public record Range(int min, int max, String why) implements Values {
        @Override
        public String problem(String value, Supplier<BitSet> allowedCpus) {
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

        @Override
        public String summary() {
            return min + ".." + max;
        }
    }

    /** "off", or whole numbers from min to max; {@code why} says what a number means. */
    public record OffOrRange(int min, int max, String why) implements Values {
        public static final String OFF = "off";

        @Override
        public String problem(String value, Supplier<BitSet> allowedCpus) {
            if (value.equals(OFF)) {
                return null;
            }
            String inRange = new Range(min, max, why).problem(value, allowedCpus);
            return inRange == null ? null : "not off and " + inRange;
        }

        @Override
        public String summary() {
            return OFF + "|" + min + ".." + max;
        }
    }

    /** 1, or up to the number of CPUs this process may run on, as read when asked: one thread per CPU. */
    public record UpToCpus() implements Values {
        @Override
        public String problem(String value, Supplier<BitSet> allowedCpus) {
            if (value.equals("1")) {
                return null;
            }
            BitSet cpus = allowedCpus.get();
            int count = cpus.cardinality();
            try {
                int n = Integer.parseInt(value);
                if (n >= 1 && n <= count) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // said below
            }
            return "not in 1.." + count + ": one sender per CPU, and this process may run on " + count + " CPU"
                    + (count == 1 ? " " : "s ") + cpus;
        }

        @Override
        public String summary() {
            return "1..the CPUs this process may run on";
        }
    }

    /** "last", -1 (unpinned) or a CPU this process may run on, as read when asked. */
    public record Cpus() implements Values {
        @Override
        public String problem(String value, Supplier<BitSet> allowedCpus) {
            if (value.equals("last") || value.equals("-1")) {
                return null;
            }
            BitSet cpus = allowedCpus.get();
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

        @Override
        public String summary() {
            return "last, -1 or a CPU number";
        }
    }
}
