package zcbench.harness.report;

import java.io.PrintStream;
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
     *         report could be made
     */
    public static Optional<String> write(RunFolder folder, PlanRunner.Outcome outcome, PrintStream data,
                                         PrintStream progress) {
        if (outcome.results().isEmpty()) {
            return Optional.empty();
        }
        try {
            RunReport report = RunReports.writeAll(folder.dir());
            data.println();
            data.print(report.renderText());
            data.flush();
            progress.println("zcbench: wrote " + folder.dir().resolve(ResultFiles.SPEEDUP_CSV) + ", "
                    + String.join(", ", ResultFiles.SPEEDUP_MD, ResultFiles.REPORT_HTML, ResultFiles.JMH_JSON,
                    ResultFiles.JMH_LOG, ResultFiles.ENV_JSON)
                    + (report.crossovers().isEmpty() ? "" : ", " + ResultFiles.CROSSOVER_CSV));
            return Optional.of(report.table().noiseSummary());
        } catch (AnalysisException e) {
            progress.println("zcbench: the results are in " + folder.jmhJson() + ", but no report could be made: "
                    + e.getMessage());
            return Optional.empty();
        }
    }
}
