package zcbench.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The JMH JSON fixtures under src/test/resources/fixtures, copied where a test may write beside them. */
public final class Fixtures {
    /** A zcbench run to the sink: zero-copy rows copied nothing. Hand-made. */
    public static final String SINK = "sink-handmade";
    /** The same parameters to loopback: every zero-copy send copied. Hand-made. */
    public static final String LOOPBACK = "loopback-handmade";
    /** A bare JMH file (-rf json -tu ms): both targets, one single-sample row, one copied sink row. */
    public static final String PLAIN = "plain-jmh-handmade.json";

    private Fixtures() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a fixture (file or folder) into dir and returns the copy. */
    public static Path copy(String name, Path dir) {
        Path from = resource(name);
        Path to = dir.resolve(from.getFileName().toString());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    public static List<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
