package zcbench.profiles.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code flame-diff A B} compares: two collapsed files (two rows, or one row in two runs),
 * or two folders of them (two runs' {@code flame/}), where files of the same name are paired.
 */
public final class DiffInputs {

    /** async-profiler's and zcbench's names for collapsed stacks. */
    private static final List<String> COLLAPSED = List.of(".collapsed", ".csv", ".txt");

    /** @param name stem for the pair's output files */
    public record Pair(String name, Path a, Path b) {
    }

    private DiffInputs() {
    }

    public static List<Pair> pairs(Path a, Path b) {
        if (Files.isRegularFile(a) && Files.isRegularFile(b)) {
            String sa = stem(a);
            String sb = stem(b);
            return List.of(new Pair(sa.equals(sb) ? sa : sa + "--vs--" + sb, a, b));
        }
        if (Files.isDirectory(a) && Files.isDirectory(b)) {
            TreeSet<String> common = new TreeSet<>(collapsedFiles(a));
            common.retainAll(collapsedFiles(b));
            if (common.isEmpty()) {
                throw new IllegalArgumentException("no collapsed file has the same name in " + a + " and " + b);
            }
            List<Pair> pairs = new ArrayList<>();
            for (String file : common) {
                pairs.add(new Pair(stem(Path.of(file)), a.resolve(file), b.resolve(file)));
            }
            return pairs;
        }
        throw new IllegalArgumentException("compare two collapsed files or two folders of them: "
                + describe(a) + ", " + describe(b));
    }

    /** Files of {@code dir} that hold collapsed stacks, by name. */
    public static List<String> collapsedFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".collapsed") || n.startsWith("collapsed-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        for (String ext : COLLAPSED) {
            if (name.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    private static String describe(Path p) {
        return p + (Files.isDirectory(p) ? " (folder)" : Files.exists(p) ? " (file)" : " (missing)");
    }
}
