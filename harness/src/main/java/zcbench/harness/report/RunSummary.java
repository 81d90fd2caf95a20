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
        if (outcome.noisy() > 0) {
            progress.println("zcbench: run the noisy rows again with: zcbench run --rerun noisy " + folder.dir());
        }
        if (!outcome.failures().isEmpty()) {
            progress.printf("zcbench: %d of %d rows failed (see %s):%n", outcome.failures().size(), rows,
                    folder.dir().resolve(ResultFiles.FAILURES));
            for (PlanRunner.Failure f : outcome.failures()) {
                progress.println("  " + f.row().label() + ": " + f.reason());
            }
            progress.println("zcbench: run them again with: zcbench run --rerun failed " + folder.dir());
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
