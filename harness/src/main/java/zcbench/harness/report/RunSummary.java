package zcbench.harness.report;

import java.io.PrintStream;
import java.util.Optional;

import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.RunFolder;
import zcbench.vocabulary.ResultFiles;

/** The lines that end a run: what to run again and how, which rows failed and why, and the noise summary. */
public final class RunSummary {
    private RunSummary() {
    }

    /**
     * @param rows  how many rows the run had
     * @param noise the run's noise summary from {@link Reports#write}, if a report was made
     */
    public static void print(PlanRunner.Outcome outcome, int rows, RunFolder folder, Optional<String> noise,
                             PrintStream progress) {
        int measured = outcome.results().size();
        String rerunFailed = "zcbench run --rerun failed " + folder.dir();
        if (outcome.stop() == PlanRunner.Stop.DISK_FULL) {
            // One sentence: each further write there would fail the same way.
            progress.println("zcbench: no space left on device in " + folder.dir() + ": the run stopped, its "
                    + ResultFiles.JMH_JSON + " keeping the " + measured + " of " + rows + " rows measured before; once"
                    + " there is space, zcbench report " + folder.dir() + " makes their tables and " + rerunFailed
                    + " measures the rest.");
            return;
        }
        if (outcome.noisy() > 0) {
            progress.println("zcbench: run the noisy rows again with: zcbench run --rerun noisy " + folder.dir());
        }
        if (outcome.stop() == PlanRunner.Stop.SIGNAL) {
            // The rows not measured are all "failed" rows: one line says how to measure them, last.
            noise.ifPresent(n -> progress.println("zcbench: " + n));
            progress.println("zcbench: stopped by a signal after " + measured + " of " + rows + " rows"
                    + (measured == 0 ? "" : ", whose table and report are in " + folder.dir()) + "; measure the rest"
                    + " with: " + rerunFailed);
            return;
        }
        if (!outcome.failures().isEmpty()) {
            progress.printf("zcbench: %d of %d rows failed (see %s):%n", outcome.failures().size(), rows,
                    folder.dir().resolve(ResultFiles.FAILURES));
            for (PlanRunner.Failure f : outcome.failures()) {
                progress.println("  " + f.row().label() + ": " + f.reason());
            }
            progress.println("zcbench: run them again with: " + rerunFailed);
        }
        if (!outcome.skipped().isEmpty()) {
            progress.printf("zcbench: %d of %d rows skipped: this machine cannot measure them (see %s):%n",
                    outcome.skipped().size(), rows, folder.dir().resolve(ResultFiles.SKIPPED));
            for (PlanRunner.Skipped k : outcome.skipped()) {
                progress.println("  " + k.row().label() + ": " + k.needs());
            }
        }
        // Last, so that it is the line a reader sees when the run ends.
        noise.ifPresent(n -> progress.println("zcbench: " + n));
    }
}
