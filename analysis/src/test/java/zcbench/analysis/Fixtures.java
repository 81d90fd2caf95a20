package zcbench.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures under src/test/resources/fixtures (fixtures/README.md says where each comes from), copied
 * where a test may write beside them. The runs are real zcbench runs, their files as the harness wrote them;
 * only the bad inputs under bad/ are hand-made, and say so in their names.
 */
public final class Fixtures {
    /** Plan smoke to the sink: 5 rows at 65435 B, ONE iteration each, so JMH wrote no error (NaN). */
    public static final String SMOKE_SINK = "smoke-sink";
    /** Plan smoke to loopback, one iteration each: the kernel copied every zero-copy send. */
    public static final String SMOKE_LOOPBACK = "smoke-loopback";
    /** Plan seed to the sink: the RFC's 9 rows at 65435 B, 3 iterations, so 99.9% intervals. */
    public static final String SEED_SINK = "seed-sink";
    /** Plan seed to loopback: seed-sink's 9 rows, 3 iterations; the kernel copied every zero-copy send. */
    public static final String SEED_LOOPBACK = "seed-loopback";
    /** Plan sizes to the sink: 4 variants x 4096, 16384, 65435 B, 3 iterations. */
    public static final String SIZES_SINK = "sizes-sink";
    /**
     * Plan smoke to the sink with --flame cpu --jfr: flame/&lt;row&gt;.cpu.html, profile-summary.csv, and the
     * text-only secondary results async and jfr in jmh.json (the .collapsed files and jfr/ are not kept).
     */
    public static final String FLAME_SINK = "flame-smoke-sink";
    /** An earlier plan-seed run to the sink: 5 iterations, made before the CPU profiler existed. */
    public static final String SEED_SINK_EARLIER = "seed-sink-earlier";

    /** Every real run, each with the speedup.csv the harness wrote for it. */
    public static final List<String> REAL_RUNS = List.of(SMOKE_SINK, SMOKE_LOOPBACK, SEED_SINK, SEED_LOOPBACK,
            SIZES_SINK, FLAME_SINK, SEED_SINK_EARLIER);

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
        return copyAs(name, dir.resolve(resource(name).getFileName().toString()));
    }

    /** Copies a fixture (file or folder) to the path to, e.g. a run's jmh.json to a bare file of another name. */
    public static Path copyAs(String name, Path to) {
        Path from = resource(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.toAbsolutePath().getParent());
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
