package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Row;
import zcbench.harness.plan.Timing;
import zcbench.variants.Variant;

/** A run that fails half-way keeps every row that finished and says which failed and why. */
class PlanRunnerTest {

    @Test
    void aFailingRowIsReportedAndTheOthersAreKept(@TempDir Path tmp) throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        PlanSpec spec = new PlanSpec("test", new Timing(1, 0, 0, 1, 100), List.of(
                new Row(Variant.COPY, 4096, 8, false, true),
                // flush means nothing for copy: the fork's setup refuses it.
                new Row(Variant.COPY, 4096, 8, true, true),
                new Row(Variant.URING_ZC_FIXED, 4096, 8, false, true)));
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PlanRunner.Outcome outcome = new PlanRunner(spec, "loopback", new CommandLineOptions(), folder,
                PlanRunner.RowOptions.NONE, false, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        assertEquals(2, outcome.results().size(), "the two good rows finished");
        assertEquals(1, outcome.failures().size());
        String reason = outcome.failures().getFirst().reason();
        assertTrue(reason.contains("flush=true means nothing for copy"), reason);
        String json = Files.readString(folder.jmhJson());
        assertTrue(json.contains("\"uring_zc_fixed\"") && json.contains("\"copy\""), "jmh.json holds both good rows");
        String failures = Files.readString(folder.dir().resolve("failures.txt"));
        assertTrue(failures.startsWith("copy payload=4096 batch=8: "), failures);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("[2/3] copy payload=4096 batch=8, target=loopback"), printed);
        assertTrue(printed.contains("FAILED: "), printed);
        assertTrue(printed.contains(" MB/s (one sample, no interval), "), printed);

        // jmh.log keeps every row, each under its own header (JMH's -o would keep only the last).
        String log = Files.readString(folder.jmhLog());
        for (int row = 1; row <= 3; row++) {
            assertTrue(log.contains("# zcbench row [" + row + "/3] "), "row " + row + " in jmh.log");
        }
        assertEquals(3, log.lines().filter(l -> l.startsWith("# Benchmark: ")).count(), log);
        assertTrue(log.indexOf("variant = copy") < log.indexOf("variant = uring_zc_fixed"));
    }
}
