package zcbench.harness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JMH part of a run's command line: {@code -p NAME=V1,V2} (rows, zcbench's to choose) apart from
 * the rest (JMH's to apply). Every JMH 1.37 option takes one argument except the few that list
 * or help, which is what lets a rerun's new options replace the stored ones by name.
 */
record JmhArgs(Map<String, List<String>> rowParams, List<String> rest) {
    private static final Set<String> WITHOUT_ARGUMENT = Set.of("-h", "-l", "-lp", "-lprof", "-lrf");

    static JmhArgs split(List<String> args) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-p") && i + 1 < args.size()) {
                String kv = args.get(++i);
                int eq = kv.indexOf('=');
                String name = eq < 0 ? kv : kv.substring(0, eq).strip();
                List<String> values = params.computeIfAbsent(name, n -> new ArrayList<>());
                if (eq >= 0) {
                    for (String v : kv.substring(eq + 1).split(",")) {
                        if (!v.isBlank()) {
                            values.add(v.strip());
                        }
                    }
                }
            } else {
                rest.add(a);
            }
        }
        return new JmhArgs(params, rest);
    }

    /** {@code stored} with every option that {@code added} names again replaced by the added one(s). */
    static List<String> override(List<String> stored, List<String> added) {
        List<List<String>> addedGroups = groups(added);
        Set<String> named = new java.util.HashSet<>();
        addedGroups.forEach(g -> named.add(g.getFirst()));
        List<String> merged = new ArrayList<>();
        for (List<String> g : groups(stored)) {
            if (!named.contains(g.getFirst())) {
                merged.addAll(g);
            }
        }
        addedGroups.forEach(merged::addAll);
        return merged;
    }

    /** Each option with its argument. */
    private static List<List<String>> groups(List<String> args) {
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && !WITHOUT_ARGUMENT.contains(a) && i + 1 < args.size()) {
                groups.add(List.of(a, args.get(++i)));
            } else {
                groups.add(List.of(a));
            }
        }
        return groups;
    }
}
