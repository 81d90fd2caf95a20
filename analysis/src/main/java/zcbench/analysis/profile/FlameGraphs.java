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
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;

/**
 * The flame graphs a run made with {@code --flame MODE} holds: {@code flame/<row>.<mode>.html}, found for
 * each result row. The row name is profile-summary.csv's when it lists the row (it names the files), else the
 * row's key; runs from before the key named the files by the profiles module's former rule ({@link #formerName}).
 * Only files that exist are listed, so a report never links to a missing graph.
 */
public final class FlameGraphs {
    /** async-profiler's modes, in the order links are shown. */
    public static final List<String> MODES = List.of("cpu", "wall", "alloc", "lock");

    public record Graph(String mode, Path file) {
    }

    private final Map<Row, List<Graph>> byRow;

    private FlameGraphs(Map<Row, List<Graph>> byRow) {
        this.byRow = byRow;
    }

    public static FlameGraphs find(Path runDir, List<Row> rows, Optional<ProfileSummaryFile> summary) {
        Path dir = runDir.resolve(ResultFiles.FLAME_DIR);
        Map<Row, List<Graph>> byRow = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return new FlameGraphs(byRow);
        }
        boolean cpuVaries = rows.stream().map(p -> p.value(Knobs.CPU)).collect(Collectors.toSet()).size() > 1;
        for (Row p : rows) {
            Set<String> names = new LinkedHashSet<>();
            summary.flatMap(s -> s.line(p)).map(ProfileSummaryFile.Line::row).filter(n -> !n.isEmpty())
                    .ifPresent(names::add);
            names.add(p.key());
            names.add(formerName(p, cpuVaries));
            List<Graph> graphs = new ArrayList<>();
            for (String mode : MODES) {
                names.stream().map(n -> dir.resolve(n + ResultFiles.flameGraphSuffix(mode)))
                        .filter(Files::isRegularFile).findFirst().ifPresent(f -> graphs.add(new Graph(mode, f)));
            }
            if (!graphs.isEmpty()) {
                byRow.put(p, List.copyOf(graphs));
            }
        }
        return new FlameGraphs(byRow);
    }

    public List<Graph> of(Row p) {
        return byRow.getOrDefault(p, List.of());
    }

    public boolean isEmpty() {
        return byRow.isEmpty();
    }

    /**
     * The name runs from before the row key gave a row's files, e.g. uring_zc_fixed-65435-b8-flushfalse-ubufon-sink:
     * variant, payload, b&lt;batch&gt;, flush&lt;flush&gt;, ubuf&lt;ubuf_cache&gt;, target, then cpu&lt;cpu&gt;
     * only when the rows differed in cpu.
     */
    static String formerName(Row p, boolean withCpu) {
        List<String> parts = new ArrayList<>(List.of(p.variant(), Integer.toString(p.payload()), "b" + p.batch()));
        if (!p.value(Knobs.FLUSH).isEmpty()) {
            parts.add("flush" + p.value(Knobs.FLUSH));
        }
        if (!p.value(Knobs.UBUF_CACHE).isEmpty()) {
            parts.add("ubuf" + p.value(Knobs.UBUF_CACHE));
        }
        parts.add(p.target());
        if (withCpu && !p.value(Knobs.CPU).isEmpty()) {
            parts.add("cpu" + p.value(Knobs.CPU));
        }
        return String.join("-", parts).replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
