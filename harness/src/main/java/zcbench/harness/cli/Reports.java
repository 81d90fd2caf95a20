package zcbench.harness.cli;

import java.io.PrintStream;

import zcbench.analysis.AnalysisException;
import zcbench.analysis.report.RunReport;
import zcbench.analysis.report.RunReports;
import zcbench.harness.run.RunFolder;

/** Writes a finished run's tables and report, and prints the table as the RFC printed its own. */
final class Reports {
    private Reports() {
    }

    /** The table goes to {@code data}; which files were written, and problems, to {@code progress}. */
    static void write(RunFolder folder, PrintStream data, PrintStream progress) {
        try {
            RunReport report = RunReports.writeAll(folder.dir());
            data.println();
            data.print(report.renderText());
            data.flush();
            progress.println("zcbench: wrote " + folder.dir().resolve(RunReports.CSV) + ", " + RunReports.MARKDOWN
                    + ", " + RunReports.HTML + ", jmh.json, env.json");
        } catch (AnalysisException e) {
            progress.println("zcbench: the results are in " + folder.jmhJson() + ", but no report could be made: "
                    + e.getMessage());
        }
    }
}
