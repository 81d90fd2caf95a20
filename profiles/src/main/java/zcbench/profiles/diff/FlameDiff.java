package zcbench.profiles.diff;

import one.convert.Arguments;
import one.convert.FlameGraph;
import one.convert.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcbench.profiles.summary.CollapsedProfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import zcbench.vocabulary.AtomicFile;
import zcbench.vocabulary.RowKey;

/** Which frames grew and which shrank from profile A to profile B. */
public final class FlameDiff {

    private FlameDiff() {
    }

    /** Every frame of either profile, the largest change of self share first. */
    public static List<FrameDelta> frames(CollapsedProfile a, CollapsedProfile b) {
        Shares sa = Shares.of(a);
        Shares sb = Shares.of(b);
        Set<String> frames = new HashSet<>(sa.total.keySet());
        frames.addAll(sb.total.keySet());
        return frames.stream()
                .map(f -> new FrameDelta(f, sa.self(f), sb.self(f), sa.total(f), sb.total(f)))
                .sorted(Comparator.comparingDouble((FrameDelta d) -> -Math.abs(d.selfDelta()))
                        .thenComparingDouble(d -> -Math.abs(d.totalDelta()))
                        .thenComparing(FrameDelta::frame))
                .toList();
    }

    /**
     * Every frame's shares, whole or not at all.
     *
     * @param row the pair's name, in the {@code row} column of every line: the row key both profiles share,
     *            or {@code A--vs--B}
     */
    public static void writeCsv(Path file, List<FrameDelta> deltas, String row) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder()
                     .setHeader("frame", "self_a_pct", "self_b_pct", "self_delta_pp",
                             "total_a_pct", "total_b_pct", "total_delta_pp", RowKey.COLUMN)
                     .get().print(out)) {
            for (FrameDelta d : deltas) {
                csv.printRecord(d.frame(), pct(d.selfA()), pct(d.selfB()), pct(d.selfDelta()),
                        pct(d.totalA()), pct(d.totalB()), pct(d.totalDelta()), row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        AtomicFile.write(file, out.toString());
    }

    /**
     * A differential flame graph by async-profiler's converter (shipped in ap-loader): B's
     * stacks, coloured by how much each frame grew (red) or shrank (blue) since A.
     */
    public static void writeHtml(Path a, Path b, Path out, String title) {
        Arguments args = new Arguments("--diff", "--norm", "--title", title, "--output", "html");
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        try {
            FlameGraph before = Main.parseFlameGraph(a.toString(), args);
            FlameGraph after = Main.parseFlameGraph(b.toString(), args);
            after.diff(before);
            after.dump(html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        AtomicFile.write(out, html.toByteArray());
    }

    static String pct(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Per-frame sample counts of one profile. */
    private record Shares(long samples, Map<String, Long> self, Map<String, Long> total) {

        static Shares of(CollapsedProfile profile) {
            Map<String, Long> self = new HashMap<>();
            Map<String, Long> total = new HashMap<>();
            for (CollapsedProfile.Sample s : profile.samples()) {
                self.merge(s.frames().getLast(), s.count(), Long::sum);
                // A recursive frame is on the stack once, however often it repeats.
                for (String frame : new HashSet<>(s.frames())) {
                    total.merge(frame, s.count(), Long::sum);
                }
            }
            return new Shares(profile.total(), self, total);
        }

        double self(String frame) {
            return share(self, frame);
        }

        double total(String frame) {
            return share(total, frame);
        }

        private double share(Map<String, Long> counts, String frame) {
            return samples == 0 ? 0 : 100.0 * counts.getOrDefault(frame, 0L) / samples;
        }
    }
}
