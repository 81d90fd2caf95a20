package zcbench.analysis.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

import zcbench.vocabulary.LatencyPercentile;
import zcbench.vocabulary.ResultFiles;

/**
 * A row's notification-latency histogram (knob latency): the sum of the files its forks' sending threads left
 * in the run folder's {@code latency/}, {@code <row>.<pid>.<thread>.hdr}, each HdrHistogram's compressed form
 * in Base64 (docs/ARCHITECTURE.md, "Notification latency"). Values are nanoseconds.
 */
public final class LatencyHistograms {
    private static final Pattern FORK_AND_THREAD = Pattern.compile("\\.\\d+\\.\\d+" + Pattern.quote(
            ResultFiles.LATENCY_SUFFIX) + "$");
    private static final double NANOS_PER_MICRO = 1e3;

    private LatencyHistograms() {
    }

    /** The row's histogram over every fork and thread, or empty when the row recorded none. */
    public static Optional<Histogram> of(Path runDir, String rowKey) {
        Path dir = runDir.resolve(ResultFiles.LATENCY_DIR);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> isOf(f.getFileName().toString(), rowKey)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Histogram sum = null;
        for (Path f : files) {
            Histogram h = read(f);
            if (sum == null) {
                sum = h;
            } else {
                sum.add(h);
            }
        }
        return Optional.of(sum);
    }

    /** Whether {@code fileName} is one of {@code rowKey}'s: the key, then ".pid.thread.hdr". */
    static boolean isOf(String fileName, String rowKey) {
        return fileName.startsWith(rowKey + ".")
                && FORK_AND_THREAD.matcher(fileName.substring(rowKey.length())).matches();
    }

    static Histogram read(Path file) {
        try {
            byte[] bytes = Base64.getDecoder().decode(Files.readString(file).strip());
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a latency histogram zcbench wrote: " + e.getMessage(),
                    e);
        }
    }

    /** speedup.csv's latency columns in microseconds, by {@link LatencyPercentile} id; NaN without a histogram. */
    public static Map<String, Double> percentiles(Optional<Histogram> histogram) {
        Map<String, Double> us = new LinkedHashMap<>();
        for (LatencyPercentile p : LatencyPercentile.values()) {
            us.put(p.id(), histogram.filter(h -> h.getTotalCount() > 0)
                    .map(h -> (p == LatencyPercentile.MAX ? h.getMaxValue() : h.getValueAtPercentile(p.percentile()))
                            / NANOS_PER_MICRO).orElse(Double.NaN));
        }
        return us;
    }
}
