package zcbench.profiles.rows;

import org.openjdk.jmh.results.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Moving the files JMH's profilers leave in per-trial folders ({@code <dir>/<trial id>/...}) to
 * files named after their rows, never overwriting anything.
 */
public final class TrialFiles {

    /**
     * One row's files after {@link #collect}.
     *
     * @param name  the row's file name stem
     * @param files by suffix: where each file went, or null when the profiler wrote none
     */
    public record Collected(TrialRow row, String name, Map<String, Path> files) {

        public Path file(String suffix) {
            return files.get(suffix);
        }
    }

    private TrialFiles() {
    }

    /**
     * For every result's row, moves {@code rawDir/<trialDir(id)>/<source>} to
     * {@code targetDir/<row name><suffix>} for each (suffix, source) of {@code sources}, then
     * removes the emptied trial folder and {@code rawDir} when empty.
     *
     * @param trialDir how the profiler turns a trial id into its folder name
     * @param sources  suffix of the target file name to the file name the profiler writes
     */
    public static List<Collected> collect(Collection<RunResult> results, Path rawDir, UnaryOperator<String> trialDir,
                                          Path targetDir, Map<String, String> sources) {
        List<TrialRow> rows = results.stream().map(r -> TrialRow.of(r.getParams())).toList();
        Map<TrialRow, String> names = RowNames.names(rows);
        List<String> suffixes = List.copyOf(sources.keySet());
        List<Collected> collected = new ArrayList<>();
        for (TrialRow row : rows) {
            Path trial = rawDir.resolve(trialDir.apply(row.trialId()));
            String stem = freeStem(targetDir, names.get(row), suffixes);
            Map<String, Path> files = new LinkedHashMap<>();
            sources.forEach((suffix, source) -> files.put(suffix, move(trial.resolve(source), targetDir.resolve(stem + suffix))));
            removeIfEmpty(trial, rawDir);
            collected.add(new Collected(row, stem, files));
        }
        return collected;
    }

    /**
     * {@code stem}, or {@code stem-2}, {@code stem-3} ... : the first for which no
     * {@code dir/stem+suffix} exists, so all of a row's files keep one name.
     */
    public static String freeStem(Path dir, String stem, List<String> suffixes) {
        String candidate = stem;
        for (int n = 2; taken(dir, candidate, suffixes); n++) {
            candidate = stem + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(Path dir, String stem, List<String> suffixes) {
        return suffixes.stream().anyMatch(s -> Files.exists(dir.resolve(stem + s)));
    }

    /** Moves {@code from} to {@code to} (never replacing a file); null when {@code from} does not exist. */
    static Path move(Path from, Path to) {
        if (!Files.isRegularFile(from)) {
            return null;
        }
        try {
            Files.createDirectories(to.getParent());
            return Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir}, then {@code root}, each only if empty. */
    static void removeIfEmpty(Path dir, Path root) {
        for (Path p : List.of(dir, root)) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
