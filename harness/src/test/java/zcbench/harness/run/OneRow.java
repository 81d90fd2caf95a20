package zcbench.harness.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openjdk.jmh.runner.options.CommandLineOptions;

import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Timing;
import zcbench.vocabulary.Row;

/** One row measured as a run measures it (its own fork, 200 ms iterations, no warm-up), and what it printed. */
record OneRow(PlanRunner.Outcome outcome, RunFolder folder, String printed) {

    static OneRow run(Path tmp, Row row, String target, int iterations) throws Exception {
        return run(tmp, row, target, 0, iterations);
    }

    /** With {@code warmups} warm-up iterations of 200 ms before the measured ones. */
    static OneRow run(Path tmp, Row row, String target, int warmups, int iterations) throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        PlanSpec spec = new PlanSpec("test", new Timing(1, warmups, 200, iterations, 200), List.of(row));
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PlanRunner.Outcome outcome = new PlanRunner(spec, target, new CommandLineOptions(), folder,
                PlanRunner.RowOptions.NONE, false, new PrintStream(console, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(5), PlanRunner.Progress.NONE).run();
        return new OneRow(outcome, folder, console.toString(StandardCharsets.UTF_8));
    }
}
