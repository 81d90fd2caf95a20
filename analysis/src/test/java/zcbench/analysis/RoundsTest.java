package zcbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.compare.CompareCsv;
import zcbench.analysis.compare.CompareText;
import zcbench.analysis.compare.Comparison;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.pairs.PairsCsv;
import zcbench.analysis.pairs.PairsTable;
import zcbench.analysis.pairs.RowPairs;
import zcbench.analysis.report.RunReports;
import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.stats.Intervals;
import zcbench.analysis.table.Cells;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.trials.Trials;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Variant;

/**
 * A run measured in rounds (env.json "order": "rounds"): its ratios pair the forks of each round and every
 * output says so; a run that was not keeps today's method and words; report.html draws trials.csv.
 */
class RoundsTest {
    @TempDir
    Path tmp;

    @Test
    void pairingTheRoundsCancelsADriftBothRowsShared() {
        // The machine loses 10% a round; B is 10% faster than A in every round.
        List<List<Double>> a = new ArrayList<>();
        List<List<Double>> b = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            double machine = 1 - 0.1 * round;
            a.add(List.of(1000 * machine, 1002 * machine, 998 * machine));
            b.add(List.of(1100 * machine, 1101 * machine, 1099 * machine));
        }
        ForkSamples ra = new ForkSamples(a).inRounds();
        ForkSamples rb = new ForkSamples(b).inRounds();
        Interval paired = Intervals.ratio(rb, ra);
        Interval independent = Intervals.ratio(new ForkSamples(b), new ForkSamples(a));
        assertEquals(IntervalMethod.ROUNDS, Intervals.ratioMethod(rb, ra));
        assertEquals(IntervalMethod.FORKS, Intervals.ratioMethod(new ForkSamples(b), new ForkSamples(a)));
        assertTrue(paired.low() > 1.09 && paired.high() < 1.11, "paired: " + paired);
        assertTrue(independent.low() < 1, "the drift widens the independent interval past 1: " + independent);
        // A row that missed a round has fewer forks: it cannot be paired, and is not.
        ForkSamples short3 = new ForkSamples(b.subList(0, 3)).inRounds();
        assertEquals(IntervalMethod.FORKS, Intervals.ratioMethod(short3, ra));
    }

    @Test
    void aRunInRoundsSaysSoInEveryOutputAndOneNotInRoundsSaysNothingNew() throws IOException {
        Path rounds = inRounds(Fixtures.copy(Fixtures.SEED_SINK_FORKS, tmp.resolve("rounds")));
        SpeedupTable table = SpeedupTable.of(Run.load(rounds), Variant.DEFAULT_BASELINE);
        SpeedupTable plain = SpeedupTable.of(Run.load(Fixtures.resource(Fixtures.SEED_SINK_FORKS)),
                Variant.DEFAULT_BASELINE);

        List<SpeedupRow> compared = table.rows().stream().filter(r -> r.speedupInterval().exists()
                && r.baselineNo() != r.no()).toList();
        assertFalse(compared.isEmpty());
        compared.forEach(r -> assertEquals(IntervalMethod.ROUNDS, r.speedupMethod(), r.test()));
        List<CSVRecord> speedup = parse(SpeedupCsv.render(table));
        assertTrue(speedup.stream().allMatch(r -> r.get("speedup_ci_low").isEmpty()
                || r.get("interval_method").equals("rounds")), SpeedupCsv.render(table));
        assertTrue(parse(SpeedupCsv.render(plain)).stream().allMatch(r -> r.get("speedup_ci_low").isEmpty()
                || r.get("interval_method").equals("forks")));
        assertTrue(String.join("\n", Cells.notes(table)).contains("Measured in rounds (env.json's order): every"
                + " speedup interval pairs the two forks of each round"), String.join("\n", Cells.notes(table)));
        assertFalse(String.join("\n", Cells.notes(plain)).contains("rounds"), "today's words for today's runs");

        var pairs = RowPairs.of(table);
        assertTrue(parse(PairsCsv.render(pairs)).stream().allMatch(r -> r.get("interval_method").equals("rounds")));
        assertTrue(PairsTable.explained(pairs).contains("Measured in rounds"), PairsTable.explained(pairs));
        assertFalse(PairsTable.explained(pairs).contains("counts into"), "in rounds the run's drift cancels: "
                + PairsTable.explained(pairs));
        assertEquals(PairsTable.EXPLAINED, PairsTable.explained(RowPairs.of(plain)));

        Path again = inRounds(Fixtures.copy(Fixtures.SEED_SINK_FORKS, tmp.resolve("again")));
        Comparison both = Comparison.of(Run.load(rounds), Run.load(again));
        assertTrue(parse(CompareCsv.render(both)).stream().allMatch(r -> r.get("interval_method").equals("rounds")));
        assertTrue(CompareText.summary(both).contains("round i of A is paired with round i of B"));
        Comparison mixed = Comparison.of(Run.load(rounds), Run.load(Fixtures.resource(Fixtures.SEED_SINK_FORKS)));
        assertTrue(parse(CompareCsv.render(mixed)).stream().allMatch(r -> r.get("interval_method").equals("forks")));
        assertFalse(CompareText.summary(mixed).contains("Measured in rounds"), CompareText.summary(mixed));
    }

    @Test
    void reportHtmlDrawsTheForksAgainstTimeAndStatesTheDrift() throws IOException {
        Path run = inRounds(Fixtures.copy(Fixtures.SEED_SINK_FORKS, tmp.resolve("run")));
        assertFalse(Files.readString(RunReports.writeAll(run).files().get(2)).contains("Drift over the run"),
                "no trials.csv, no chart");
        SpeedupTable table = SpeedupTable.of(Run.load(run), Variant.DEFAULT_BASELINE);
        StringBuilder csv = new StringBuilder("round,position,start,end,mb_s,row\n");
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        int rows = table.rows().size();
        for (int round = 1; round <= 3; round++) {
            for (int p = 1; p <= rows; p++) {
                SpeedupRow r = table.rows().get((p + round) % rows);
                // 5% slower each round
                csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%.3f,%s%n", round, p, t, t.plusSeconds(4),
                        r.mbS().score() * (1 - 0.05 * (round - 1)), r.row().key()));
                t = t.plusSeconds(5);
            }
        }
        Files.writeString(run.resolve(ResultFiles.TRIALS_CSV), csv);
        Trials trials = Trials.of(run).orElseThrow();
        assertEquals(rows * 3, trials.trials().size());
        assertEquals("From round 1 to round 3 (the run's forks spanning 2 min 14 s), the rows' MB/s changed by a"
                + " median of -10.0% (from -10.0% to -10.0% over 9 rows).", trials.driftSentence().orElseThrow());
        String html = Files.readString(RunReports.writeAll(run).files().get(2));
        assertTrue(html.contains("<h2 id=\"drift\">Drift over the run</h2>") && html.contains("id='drift-chart'"),
                "the chart");
        assertTrue(html.contains("id=\"drift-sentence\">From round 1 to round 3"), "the drift in words");
    }

    /** The run folder as a run in rounds would have written its env.json. */
    private static Path inRounds(Path run) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode env = (ObjectNode) mapper.readTree(run.resolve(ResultFiles.ENV_JSON).toFile());
        env.put(Run.ORDER, Run.ROUNDS);
        env.put("seed", 1);
        mapper.writeValue(run.resolve(ResultFiles.ENV_JSON).toFile(), env);
        return run;
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
                .parse(new StringReader(csv)).getRecords();
    }
}
