package zcbench.harness.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import zcbench.analysis.AnalysisException;
import zcbench.analysis.report.RunReport;
import zcbench.analysis.report.RunReports;
import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.RunFolder;
import zcbench.vocabulary.ResultFiles;

/** Writes a finished run's tables and report, and prints the table as the RFC printed its own. */
public final class Reports {
    private Reports() {
    }

    /**
     * The table goes to {@code data}; which files were written, and problems, to {@code progress}.
     *
     * @return the run's noise summary, for the caller to print last; empty when no row has a result or no
     *         report could be made (nor is one tried on a full disk)
     */
    public static Optional<String> write(RunFolder folder, PlanRunner.Outcome outcome, PrintStream data,
                                         PrintStream progress) {
        if (outcome.results().isEmpty() || outcome.stop() == PlanRunner.Stop.DISK_FULL) {
            return Optional.empty();
        }
        try {
            RunReport report = RunReports.writeAll(folder.dir());
            data.println();
            data.print(report.renderText());
            data.flush();
            List<String> others = new ArrayList<>(report.files().stream().skip(1)
                    .map(f -> f.getFileName().toString()).toList());
            others.addAll(List.of(ResultFiles.JMH_JSON, ResultFiles.JMH_LOG, ResultFiles.ENV_JSON));
            progress.println("zcbench: wrote " + report.files().getFirst() + ", " + String.join(", ", others));
            return Optional.of(report.table().noiseSummary());
        } catch (AnalysisException e) {
            progress.println("zcbench: the results are in " + folder.jmhJson() + ", but no report could be made: "
                    + e.getMessage());
            return Optional.empty();
        }
    }
}
