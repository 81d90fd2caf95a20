package zcbench.analysis.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import zcbench.analysis.jmh.Params;

/**
 * The flame graphs a run made with {@code --flame MODE} holds: {@code flame/<row>.<mode>.html}, found for
 * each result row. The row name is profile-summary.csv's when it lists the row (it names the files), else
 * built by the profiles module's rule (RowNames): variant, payload, b&lt;batch&gt;, flush&lt;flush&gt;,
 * ubuf&lt;ubufCache&gt;, target, then cpu&lt;cpu&gt; only when the rows differ in cpu. Only files that exist
 * are listed, so a report never links to a missing graph.
 */
public final class FlameGraphs {
    public static final String DIR = "flame";
    /** async-profiler's modes, in the order links are shown. */
    public static final List<String> MODES = List.of("cpu", "wall", "alloc", "lock");

    public record Graph(String mode, Path file) {
    }

    private final Map<Params, List<Graph>> byRow;

    private FlameGraphs(Map<Params, List<Graph>> byRow) {
        this.byRow = byRow;
    }

    public static FlameGraphs find(Path runDir, List<Params> rows, Optional<ProfileSummary> summary) {
        Path dir = runDir.resolve(DIR);
        Map<Params, List<Graph>> byRow = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return new FlameGraphs(byRow);
        }
        boolean cpuVaries = rows.stream().map(Params::cpu).collect(Collectors.toSet()).size() > 1;
        for (Params p : rows) {
            Set<String> names = new LinkedHashSet<>();
            summary.flatMap(s -> s.line(p)).map(ProfileSummary.Line::row).filter(n -> !n.isEmpty())
                    .ifPresent(names::add);
            names.add(name(p, cpuVaries));
            List<Graph> graphs = new ArrayList<>();
            for (String mode : MODES) {
                names.stream().map(n -> dir.resolve(n + "." + mode + ".html")).filter(Files::isRegularFile)
                        .findFirst().ifPresent(f -> graphs.add(new Graph(mode, f)));
            }
            if (!graphs.isEmpty()) {
                byRow.put(p, List.copyOf(graphs));
            }
        }
        return new FlameGraphs(byRow);
    }

    public List<Graph> of(Params p) {
        return byRow.getOrDefault(p, List.of());
    }

    public boolean isEmpty() {
        return byRow.isEmpty();
    }

    /** The profiles module's row name, e.g. uring_zc_fixed-65435-b8-flushfalse-ubufon-sink. */
    static String name(Params p, boolean withCpu) {
        List<String> parts = new ArrayList<>(List.of(p.variant(), Integer.toString(p.payload()), "b" + p.batch()));
        if (!p.flush().isEmpty()) {
            parts.add("flush" + p.flush());
        }
        if (!p.ubufCache().isEmpty()) {
            parts.add("ubuf" + p.ubufCache());
        }
        parts.add(p.target());
        if (withCpu && !p.cpu().isEmpty()) {
            parts.add("cpu" + p.cpu());
        }
        return String.join("-", parts).replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
