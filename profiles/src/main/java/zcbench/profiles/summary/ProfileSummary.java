package zcbench.profiles.summary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import zcbench.vocabulary.AtomicFile;
import zcbench.vocabulary.RowKey;

/**
 * One row of profile-summary.csv: the share of a row's CPU samples in each {@link Category}.
 *
 * @param row          the row's name, as its flame files are named: a zcbench row's key
 * @param params       the row's JMH parameters
 * @param samples      all samples of the row's profile (every thread of the fork)
 * @param kernelFrames whether the profile has any kernel frame; without, everything is {@code user}
 */
public record ProfileSummary(String row, Map<String, String> params, long samples, boolean kernelFrames,
                             Map<Category, Long> byCategory) {

    public ProfileSummary {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        byCategory = Collections.unmodifiableMap(new EnumMap<>(byCategory));
    }

    public static ProfileSummary of(String row, Map<String, String> params, CollapsedProfile profile) {
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            counts.put(c, 0L);
        }
        for (CollapsedProfile.Sample s : profile.samples()) {
            counts.merge(Categoriser.classify(s.frames()), s.count(), Long::sum);
        }
        return new ProfileSummary(row, params, profile.total(), profile.hasKernelFrames(), counts);
    }

    /** Percent of the row's samples in {@code category}; 0 for an empty profile. */
    public double pct(Category category) {
        return samples == 0 ? 0 : 100.0 * byCategory.getOrDefault(category, 0L) / samples;
    }

    /**
     * Writes the summaries as CSV, whole or not at all: row, the parameters (union over the rows, first-seen order),
     * samples, kernel_frames, one {@code <category>_pct} column per category, and a note for rows
     * whose shares cannot be trusted.
     *
     * @param noKernelFrames why profiles lack kernel frames (the preflight's reason), or null
     */
    public static void writeCsv(Path file, List<ProfileSummary> rows, String noKernelFrames) {
        Set<String> paramKeys = new LinkedHashSet<>();
        rows.forEach(r -> paramKeys.addAll(r.params().keySet()));
        List<String> header = new ArrayList<>();
        header.add(RowKey.COLUMN);
        header.addAll(paramKeys);
        header.add("samples");
        header.add("kernel_frames");
        for (Category c : Category.values()) {
            header.add(c.column() + "_pct");
        }
        header.add("note");
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (ProfileSummary r : rows) {
                List<Object> record = new ArrayList<>();
                record.add(r.row());
                paramKeys.forEach(k -> record.add(r.params().getOrDefault(k, "")));
                record.add(r.samples());
                record.add(r.kernelFrames());
                for (Category c : Category.values()) {
                    record.add(String.format(Locale.ROOT, "%.2f", r.pct(c)));
                }
                record.add(r.note(noKernelFrames));
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        AtomicFile.write(file, out.toString());
    }

    private String note(String noKernelFrames) {
        if (samples == 0) {
            return "empty profile: no samples";
        }
        if (!kernelFrames) {
            return "no kernel frames: kernel time is not broken down and counts as user"
                    + (noKernelFrames == null ? "" : " (" + noKernelFrames + ")");
        }
        return "";
    }
}
