package zcbench.analysis.profile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.RowKey;

/**
 * profile-summary.csv, which a run made with {@code --flame cpu} holds: per row, the share of its CPU samples
 * in each category of profiles/CATEGORIES.md. Read as it is, so that columns added later are shown too.
 *
 * @param columns the columns to show: all but those naming the row ({@link #KEY_COLUMNS})
 */
public record ProfileSummaryFile(Path file, List<String> columns, List<Line> lines) {
    /** The row's key (its flame graphs' stem) and its parameters (a knob's former name read as its name). */
    public static final List<String> KEY_COLUMNS = Stream.concat(Stream.of(RowKey.COLUMN), Row.CSV_ORDER.stream())
            .toList();

    /**
     * @param params the row's values of {@link Row#CSV_ORDER}, empty where the file has no such column
     * @param values each of {@link #columns} to its cell
     */
    public record Line(String row, List<String> params, Map<String, String> values) {
        /** Matches on every parameter the file has; a column it lacks (an older file) matches any value. */
        public boolean is(Row p) {
            List<String> v = p.csvValues();
            for (int i = 0; i < v.size(); i++) {
                if (!params.get(i).isEmpty() && !params.get(i).equals(v.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The summary beside a run, empty when there is none. A file that cannot be read adds a note and is left
     * out: the speedup table is still worth having.
     */
    public static Optional<ProfileSummaryFile> read(Path runDir, List<String> notes) {
        Path file = runDir.resolve(ResultFiles.PROFILE_SUMMARY_CSV);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains(RowKey.COLUMN)) {
                notes.add(ResultFiles.PROFILE_SUMMARY_CSV + " has no row column, so where the time went is not shown; it"
                        + " was not written by zcbench's profiles.");
                return Optional.empty();
            }
            List<String> columns = header.stream().filter(h -> !KEY_COLUMNS.contains(Knobs.current(h))).toList();
            List<Line> lines = new ArrayList<>();
            for (CSVRecord r : parser) {
                Map<String, String> byName = new LinkedHashMap<>();
                header.stream().filter(h -> r.isSet(h)).forEach(h -> byName.put(Knobs.current(h), r.get(h)));
                List<String> params = Row.CSV_ORDER.stream().map(n -> byName.getOrDefault(n, "")).toList();
                Map<String, String> values = new LinkedHashMap<>();
                columns.forEach(c -> values.put(c, byName.getOrDefault(c, "")));
                lines.add(new Line(byName.getOrDefault(RowKey.COLUMN, ""), params, values));
            }
            return Optional.of(new ProfileSummaryFile(file, columns, List.copyOf(lines)));
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            notes.add(ResultFiles.PROFILE_SUMMARY_CSV + " could not be read (" + e.getMessage()
                    + "), so where the time went is not shown.");
            return Optional.empty();
        }
    }

    public Optional<Line> line(Row p) {
        return lines.stream().filter(l -> l.is(p)).findFirst();
    }
}
