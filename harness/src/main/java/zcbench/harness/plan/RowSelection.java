package zcbench.harness.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import zcbench.linux.sched.Affinity;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * The rows asked for with {@code -p NAME=V1,V2}: a filter on a plan's rows, or, without a plan, a
 * plan of its own (the cross product of the values given, every other knob at its default).
 *
 * <p>A knob applies to the variants it means something for. Rows of the other variants are not
 * multiplied by it; they are kept when their variant was named with {@code -p variant=}, and left
 * out otherwise, so {@code -p flush=true} alone means the rows that have flush=true.
 *
 * <p>Every value is checked when the selection is made; a problem is an
 * {@link IllegalArgumentException} whose message is one sentence naming the value and what is
 * allowed.
 */
public final class RowSelection {
    /** {@code -p variant=all}: every variant, the later send paths too, where a selection otherwise has the RFC's. */
    public static final String EVERY_VARIANT = "all";
    /** What a selection without {@code -p variant=} runs, for the help. */
    public static final String DEFAULT_VARIANTS = "Without -p variant= a selection has the RFC's variants ("
            + String.join(", ", Knobs.VARIANT.defaults()) + "); -p variant=" + EVERY_VARIANT
            + " names every variant, the later send paths too.";

    /** The CPUs a cpu value may name: those this process may run on, read when a CPU number is checked. */
    public static final Supplier<BitSet> ALLOWED_CPUS = Affinity::currentThread;

    private final Map<Knob, List<String>> given;
    private final boolean variantsNamed;

    private RowSelection(Map<Knob, List<String>> given) {
        this.given = given;
        this.variantsNamed = given.containsKey(Knobs.VARIANT);
    }

    /**
     * Checks names and values.
     *
     * @param given    values by knob name, as the user wrote them
     * @param declared the parameters the benchmark in this build has
     */
    public static RowSelection of(Map<String, List<String>> given, Set<String> declared) {
        Map<Knob, List<String>> checked = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            String name = e.getKey();
            Knob knob = Knobs.of(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
            if (!declared.contains(name)) {
                List<String> has = Knobs.names().stream().filter(declared::contains).toList();
                throw new IllegalArgumentException("-p " + name + " is not a parameter of the SendBenchmark in this"
                        + " build (its row parameters are " + String.join(", ", has) + "); rebuild from sources that"
                        + " have it");
            }
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("-p " + name + " has no value; write -p " + name
                        + "=VALUE[,VALUE...]");
            }
            List<String> values = knob == Knobs.VARIANT && e.getValue().contains(EVERY_VARIANT)
                    ? Variant.ids() : e.getValue();
            for (String value : values) {
                String problem = problem(knob, value);
                if (problem != null) {
                    throw new IllegalArgumentException(name + " '" + value + "' is " + problem);
                }
            }
            checked.put(knob, List.copyOf(new LinkedHashSet<>(values)));
        }
        if (checked.getOrDefault(Knobs.IP, List.of()).contains("6")) {
            for (String value : checked.getOrDefault(Knobs.PAYLOAD, List.of())) {
                String problem = Knobs.PAYLOAD_IPV6.problem(value, ALLOWED_CPUS);
                if (problem != null) {
                    throw new IllegalArgumentException(Knobs.PAYLOAD.name() + " '" + value + "' with ip=6 is " + problem);
                }
            }
        }
        return new RowSelection(checked);
    }

    /** Null when a row may have {@code value} for {@code knob} on this machine, else what is allowed. */
    public static String problem(Knob knob, String value) {
        return knob.problem(value, ALLOWED_CPUS);
    }

    private static String unknown(String name) {
        if (name.equals(Knobs.TARGET)) {
            return "-p target is not a row parameter: choose the target with --target TARGET, or -p target=TARGET on"
                    + " zcbench run's command line, one per run";
        }
        if (Knobs.FORMER_NAMES.containsKey(name)) {
            return "unknown row parameter '" + name + "'; it is now called " + Knobs.current(name) + ": write -p "
                    + Knobs.current(name) + "=VALUE[,VALUE...]";
        }
        return "unknown row parameter '" + name + "'; one of: " + String.join(", ", Knobs.names());
    }

    public boolean isEmpty() {
        return given.isEmpty();
    }

    /** "payload=4096 batch=1,8", for messages and plan.json. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        given.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    @Override
    public String toString() {
        return given.entrySet().stream().map(e -> e.getKey().name() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** The plan's rows that match, in the plan's order. */
    public List<Row> filter(String planId, List<Row> rows) {
        checkMeaningful(rows.stream().map(Row::declaredVariant).collect(Collectors.toCollection(LinkedHashSet::new)));
        List<Row> kept = rows.stream().filter(this::matches).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(noRowMessage(planId, rows));
        }
        return kept;
    }

    /** A plan of its own: every meaningful combination of the values given, other knobs at their default. */
    public List<Row> custom() {
        List<Variant> variants = variantsNamed
                ? given.get(Knobs.VARIANT).stream().map(Variant::of).toList()
                : Variant.rfcVariants();
        checkMeaningful(new LinkedHashSet<>(variants));
        Set<Row> rows = new LinkedHashSet<>();
        for (Variant v : variants) {
            List<Map<String, String>> partial = List.of(Map.of(Knobs.VARIANT.name(), v.id()));
            for (Knob k : Knobs.ALL) {
                if (k == Knobs.VARIANT) {
                    continue;
                }
                List<String> values = k.appliesTo(v) ? given.getOrDefault(k, k.defaults()) : k.defaults();
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> p : partial) {
                    for (String value : values) {
                        Map<String, String> m = new LinkedHashMap<>(p);
                        m.put(k.name(), value);
                        next.add(m);
                    }
                }
                partial = next;
            }
            partial.stream().map(Row::of).filter(this::matches).forEach(rows::add);
        }
        return List.copyOf(rows);
    }

    private boolean matches(Row row) {
        Variant v = row.declaredVariant();
        for (Map.Entry<Knob, List<String>> e : given.entrySet()) {
            Knob k = e.getKey();
            if (k.appliesTo(v)) {
                if (!e.getValue().contains(row.value(k.name()))) {
                    return false;
                }
            } else if (!variantsNamed) {
                return false;
            }
        }
        return true;
    }

    /** A knob given must mean something for at least one of the variants the rows can have. */
    private void checkMeaningful(Set<Variant> chosen) {
        Set<Variant> candidates = variantsNamed
                ? given.get(Knobs.VARIANT).stream().map(Variant::of).collect(Collectors.toCollection(LinkedHashSet::new))
                : chosen;
        for (Knob k : given.keySet()) {
            if (candidates.stream().noneMatch(k::appliesTo)) {
                String those = candidates.stream().map(Variant::id).collect(Collectors.joining(" or "));
                throw new IllegalArgumentException(k.name() + " means nothing for " + those + ": only "
                        + Knobs.variantsOf(k) + " have it; drop -p " + k.name() + " or name one of those variants");
            }
        }
    }

    private String noRowMessage(String planId, List<Row> rows) {
        for (Map.Entry<Knob, List<String>> e : given.entrySet()) {
            String name = e.getKey().name();
            Set<String> has = rows.stream().map(r -> r.value(name)).collect(Collectors.toCollection(LinkedHashSet::new));
            if (e.getValue().stream().noneMatch(has::contains)) {
                return "plan " + planId + " has no row with " + name + "=" + String.join(",", e.getValue())
                        + "; its rows have " + name + " " + String.join(", ", has) + " (without --plan, -p makes rows of"
                        + " its own)";
            }
        }
        return "no row of plan " + planId + " has all of " + this + "; see its rows with --plan " + planId
                + " --dry-run";
    }
}
