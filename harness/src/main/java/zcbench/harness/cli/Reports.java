package zcbench.harness.cli;

import java.io.PrintStream;
import java.util.Optional;

import zcbench.analysis.AnalysisException;
import zcbench.analysis.report.RunReport;
import zcbench.analysis.report.RunReports;
import zcbench.harness.run.RunFolder;

/** Writes a finished run's tables and report, and prints the table as the RFC printed its own. */
final class Reports {
    private Reports() {
    }

    /** @return the run's noise summary, for the caller to print last; empty when no report could be made */
    static Optional<String> write(RunFolder folder, PrintStream console) {
        try {
            RunReport report = RunReports.writeAll(folder.dir());
            console.println();
            console.print(report.renderText());
            console.println();
            console.println("zcbench: wrote " + folder.dir().resolve(RunReports.CSV) + ", " + RunReports.MARKDOWN + ", "
                    + RunReports.HTML + ", jmh.json, jmh.log, env.json");
            return Optional.of(report.table().noiseSummary());
        } catch (AnalysisException e) {
            console.println("zcbench: the results are in " + folder.jmhJson() + ", but no report could be made: "
                    + e.getMessage());
            return Optional.empty();
        }
    }
}
