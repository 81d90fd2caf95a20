package zcbench.analysis.trials;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import zcbench.analysis.table.Num;
import zcbench.vocabulary.ResultFiles;

/**
 * A run's trials.csv: every fork in the order it ran, and the drift of the machine it shows, each row's MB/s in
 * its last round against its first.
 */
public record Trials(List<Trial> trials) {

    /** The run folder's trials.csv; empty for a run from before the file, or one it cannot read. */
    public static Optional<Trials> of(Path runDir) {
        Path file = runDir.resolve(ResultFiles.TRIALS_CSV);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Trial> trials = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                trials.add(new Trial(Integer.parseInt(r.get("round")), Integer.parseInt(r.get("position")),
                        Instant.parse(r.get("start")), Instant.parse(r.get("end")), Double.parseDouble(r.get("mb_s")),
                        r.get("row")));
            }
            return trials.isEmpty() ? Optional.empty() : Optional.of(new Trials(List.copyOf(trials)));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            // A damaged file costs the report its drift chart, not the report.
            return Optional.empty();
        }
    }

    /** Each row's forks, by round, rows in the order they first ran. */
    public Map<String, List<Trial>> byRow() {
        Map<String, List<Trial>> rows = new LinkedHashMap<>();
        trials.forEach(t -> rows.computeIfAbsent(t.row(), k -> new ArrayList<>()).add(t));
        rows.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.round(), b.round())));
        return rows;
    }

    public Instant first() {
        return trials.stream().map(Trial::start).min(Instant::compareTo).orElseThrow();
    }

    public Instant last() {
        return trials.stream().map(Trial::end).max(Instant::compareTo).orElseThrow();
    }

    /**
     * Each row's change from its first round to its last, in percent of the first (rows of one round have
     * none), in the order of {@link #byRow}.
     */
    public List<Double> driftPercent() {
        List<Double> drift = new ArrayList<>();
        for (List<Trial> row : byRow().values()) {
            Trial first = row.getFirst();
            Trial last = row.getLast();
            if (last.round() > first.round() && first.mbS() > 0) {
                drift.add(100 * (last.mbS() / first.mbS() - 1));
            }
        }
        return drift;
    }

    /**
     * "From round 1 to round 3 (6 min 10 s apart), the rows' MB/s changed by a median of -3.1% (from -5.0% to
     * +0.4% over 9 rows)."; empty when no row has two rounds.
     */
    public Optional<String> driftSentence() {
        List<Double> drift = new ArrayList<>(driftPercent());
        if (drift.isEmpty()) {
            return Optional.empty();
        }
        drift.sort(Double::compare);
        int firstRound = trials.stream().mapToInt(Trial::round).min().orElseThrow();
        int lastRound = trials.stream().mapToInt(Trial::round).max().orElseThrow();
        double median = drift.size() % 2 == 1 ? drift.get(drift.size() / 2)
                : (drift.get(drift.size() / 2 - 1) + drift.get(drift.size() / 2)) / 2;
        Duration span = Duration.between(first(), last());
        return Optional.of("From round " + firstRound + " to round " + lastRound + " (the run's forks spanning "
                + span.toMinutes() + " min " + span.toSecondsPart() + " s), the rows' MB/s changed by a median of "
                + signed(median) + " (from " + signed(drift.getFirst()) + " to " + signed(drift.getLast()) + " over "
                + drift.size() + (drift.size() == 1 ? " row)." : " rows)."));
    }

    private static String signed(double percent) {
        return (percent >= 0 ? "+" : "") + Num.fixed(percent, 1) + "%";
    }
}
