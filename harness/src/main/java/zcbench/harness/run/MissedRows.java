package zcbench.harness.run;

import java.util.List;

import zcbench.vocabulary.ResultFiles;

/** The rows a run did not measure, and why: failures.txt and skipped.txt. */
final class MissedRows {
    private MissedRows() {
    }

    /** failures.txt and skipped.txt, each when it has a line. */
    static void write(RunFolder folder, List<PlanRunner.Failure> failures, List<PlanRunner.Skipped> skipped) {
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (PlanRunner.Failure f : failures) {
                sb.append(f.row().label()).append(": ").append(f.reason()).append('\n');
            }
            folder.writeText(ResultFiles.FAILURES, sb.toString());
        }
        if (!skipped.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (PlanRunner.Skipped k : skipped) {
                sb.append(k.row().label()).append(": ").append(k.needs()).append('\n');
            }
            folder.writeText(ResultFiles.SKIPPED, sb.toString());
        }
    }
}
