package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Timing;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * A run in rounds: every fork its own JMH run, a row's forks one result in jmh.json, a line per fork in
 * trials.csv, and everything that finished kept when the run ends early.
 */
class RoundsRunTest {
    private static final PlanSpec SPEC = new PlanSpec("test", new Timing(2, 0, 0, 1, 100), List.of(
            Row.of(Variant.of("copy"), 4096, 8, false, true),
            Row.of(Variant.of("uring_zc_fixed"), 4096, 8, false, true)));

    /** Stands for the process ending at a moment of the run: the run hears no more. */
    private static final class Ended extends RuntimeException {
        Ended() {
            super("the run was ended here");
        }
    }

    @Test
    void aRowsForksMergeIntoOneResultAndEveryForkHasItsLine(@TempDir Path tmp) throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<Long> remaining = new ArrayList<>();
        PlanRunner.Outcome outcome = runner(folder, console, remaining::add).inOrder(TrialOrder.rounds(5)).run();

        assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
        assertEquals(2, outcome.results().size(), "one result per row, not per fork");
        assertEquals(4, remaining.size(), "the run lock hears the time left before each fork");
        JsonNode json = new ObjectMapper().readTree(folder.jmhJson().toFile());
        assertEquals(2, json.size());
        assertEquals("copy", json.get(0).path("params").path("variant").asText(), "plan order in jmh.json");
        for (JsonNode row : json) {
            assertEquals(2, row.path("forks").asInt(), "the merged row says it has 2 forks");
            assertEquals(2, row.path("primaryMetric").path("rawData").size(), "each round's fork in rawData");
        }
        List<String> trials = Files.readAllLines(folder.dir().resolve(ResultFiles.TRIALS_CSV));
        assertEquals("round,position,start,end,mb_s,row", trials.getFirst());
        assertEquals(5, trials.size(), String.join("\n", trials));
        List<String> order = TrialOrder.rounds(5).trials(2, 2).stream()
                .map(t -> t.round() + "," + t.position() + "," + SPEC.rows().get(t.row()).key("loopback")).toList();
        for (int i = 0; i < 4; i++) {
            String[] cells = trials.get(i + 1).split(",");
            assertEquals(order.get(i), cells[0] + "," + cells[1] + "," + cells[5], "line " + (i + 1));
            Instant start = Instant.parse(cells[2]);
            assertTrue(!Instant.parse(cells[3]).isBefore(start), trials.get(i + 1));
            assertTrue(Double.parseDouble(cells[4]) > 0, trials.get(i + 1));
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("seed 5 (--seed 5 repeats the order)"), printed);
        assertTrue(printed.contains("round 2/2, row 2/2: "), printed);
        // jmh.log keeps every fork, each under a header naming its row as row by row, then its round.
        String log = Files.readString(folder.jmhLog());
        assertEquals(4, log.lines().filter(l -> l.startsWith("# zcbench row [")).count(), log);
        assertTrue(log.contains(", target=loopback, round 2/2: " + SPEC.rows().get(0).key("loopback") + "\n"), log);
    }

    @Test
    void aRunEndedInRoundTwoKeepsRoundOnesForks(@TempDir Path tmp) throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        RunFolder folder = RunFolder.create(tmp, "test");
        int[] heard = {0};
        // The third fork is round 2's first: the run ends as it is about to start.
        PlanRunner runner = runner(folder, new ByteArrayOutputStream(), seconds -> {
            if (++heard[0] == 3) {
                throw new Ended();
            }
        }).inOrder(TrialOrder.rounds(5));
        assertThrows(Ended.class, runner::run);

        JsonNode json = new ObjectMapper().readTree(folder.jmhJson().toFile());
        assertEquals(2, json.size(), "both rows' round-1 forks are in jmh.json");
        for (JsonNode row : json) {
            assertEquals(1, row.path("forks").asInt());
            assertEquals(1, row.path("primaryMetric").path("rawData").size());
        }
        List<String> trials = Files.readAllLines(folder.dir().resolve(ResultFiles.TRIALS_CSV));
        assertEquals(3, trials.size(), String.join("\n", trials));
        assertTrue(trials.get(1).startsWith("1,1,") && trials.get(2).startsWith("1,2,"), String.join("\n", trials));
    }

    private static PlanRunner runner(RunFolder folder, ByteArrayOutputStream console, PlanRunner.Progress progress)
            throws Exception {
        return new PlanRunner(SPEC, "loopback", new CommandLineOptions(), folder, PlanRunner.RowOptions.NONE, false,
                new PrintStream(console, true, StandardCharsets.UTF_8), Duration.ofSeconds(5), progress);
    }
}
