package zcbench.analysis.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Two runs' environments side by side, A's keys first, then those only B has. */
public record EnvironmentDiff(List<Line> lines) {
    /** Keys that differ between any two runs, so a difference there says nothing. */
    public static final Set<String> ALWAYS_DIFFER = Set.of("captured_at", "finished_at", "loadavg_at_start",
            "loadavg_at_end");

    /** @param a A's value, empty when A's env.json lacks the key (or there is none); b likewise */
    public record Line(String key, String a, String b) {
        public boolean differs() {
            return !a.equals(b) && !ALWAYS_DIFFER.contains(key);
        }
    }

    public static EnvironmentDiff of(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Line> lines = new ArrayList<>();
        keys.forEach(k -> lines.add(new Line(k, a.getOrDefault(k, ""), b.getOrDefault(k, ""))));
        return new EnvironmentDiff(List.copyOf(lines));
    }

    public List<Line> differences() {
        return lines.stream().filter(Line::differs).toList();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
