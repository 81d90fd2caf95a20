package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import zcbench.harness.parity.ParityTable;
import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Timing;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * zcbench parity's rounds with a stand-in for the C tool (no C is built here): every round runs the row's fork
 * and its C trial once each, in the seed's order; the ratio is taken over the rounds.
 */
class ParityRunTest {

    @Test
    void eachRoundRunsBothSidesOfTheRowAndTheRatioIsOverTheRounds(@TempDir Path tmp) {
        System.setProperty("jmh.ignoreLock", "true");
        Row row = Row.of(Variant.of("copy"), 4096, 1, false, true);
        PlanSpec spec = new PlanSpec("parity", new Timing(1, 0, 0, 2, 100), List.of(row));
        RunFolder folder = RunFolder.create(tmp, "parity");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PlanRunner runner = new PlanRunner(spec, "loopback", new OptionsBuilder().build(), folder,
                PlanRunner.RowOptions.NONE, false, new PrintStream(console, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(5), PlanRunner.Progress.NONE);
        List<Integer> cRuns = new ArrayList<>();
        List<ParityRun.Measured> measured = new ParityRun(runner, TrialOrder.rounds(3), 3, i -> {
            cRuns.add(i);
            return 100.0 + cRuns.size();
        }, 1).run();

        assertEquals(List.of(0, 0, 0), cRuns, "the row's C command once per round");
        ParityRun.Measured m = measured.getFirst();
        assertNull(m.failure(), m.toString());
        assertEquals(3, m.zcbench().size(), "a fork per round");
        assertEquals(List.of(101.0, 102.0, 103.0), m.c());
        List<String> trials;
        JsonNode json;
        try {
            trials = Files.readAllLines(folder.dir().resolve(ResultFiles.TRIALS_CSV));
            json = new ObjectMapper().readTree(folder.jmhJson().toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(7, trials.size(), String.join("\n", trials));
        String key = row.key("loopback");
        for (int round = 1; round <= 3; round++) {
            String r = round + ",";
            List<String> inRound = trials.stream().filter(l -> l.startsWith(r)).toList();
            assertEquals(2, inRound.size(), String.join("\n", trials));
            assertTrue(inRound.stream().anyMatch(l -> l.endsWith("," + key))
                    && inRound.stream().anyMatch(l -> l.endsWith(",c-" + key)), String.join("\n", trials));
        }
        assertEquals(3, json.get(0).path("forks").asInt(), "the row's forks merged in jmh.json");

        ParityTable table = ParityTable.of(measured, List.of("msg_zerocopy"), List.of(key));
        ParityTable.Line line = table.lines().getFirst();
        assertEquals(3, line.rounds());
        assertEquals(line.zcbench() / 102.0, line.ratio(), 1e-9);
        assertTrue(line.interval().exists(), "an interval over three rounds");
        String csv = table.csv();
        assertTrue(csv.startsWith(String.join(",", ParityTable.COLUMNS) + "\n"), csv);
        assertTrue(csv.contains(",rounds,,"), "interval_method rounds, no failure: " + csv);
    }
}
