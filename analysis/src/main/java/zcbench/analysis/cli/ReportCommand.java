package zcbench.analysis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.report.RunReport;
import zcbench.analysis.report.RunReports;
import zcbench.vocabulary.Variant;

/** {@code report PATH [--out DIR] [--baseline VARIANT]}: the tables and report.html of a run, again. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes speedup.csv, speedup.md and report.html for a run, from its jmh.json alone "
                + "(plus env.json when it sits beside it), and pairs.csv when rows differ in one knob, and prints the "
                + "speedup table, the row pairs and, last, how many rows "
                + "are noisy (99.9%% error above 5%% of the score). When the run folder "
                + "has flame/ and profile-summary.csv (run --flame cpu), report.html links each row to its "
                + "flame graph and shows where the time went.",
                "Exit status: 0 done, 1 bad input (the message says what to do)."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A run folder or a JMH JSON file (from any zcbench run, "
            + "or java -jar benchmarks.jar -rf json ...).")
    private Path path;

    @Option(names = "--out", paramLabel = "DIR", description = "Write here instead of beside the JSON file.")
    private Path out;

    @Option(names = "--baseline", paramLabel = "VARIANT",
            description = "Speedups are against this variant's row of the same payload and target "
                    + "(default: ${DEFAULT-VALUE}).")
    private String baseline = Variant.DEFAULT_BASELINE;

    @Override
    public Integer call() {
        try {
            RunReport report = RunReports.write(path, out, baseline);
            spec.commandLine().getOut().print(report.renderText());
            // The table is the data (report X > table.txt); which files were written is progress.
            spec.commandLine().getOut().flush();
            report.files().forEach(f -> spec.commandLine().getErr().println("wrote " + f));
            spec.commandLine().getErr().println(report.table().noiseSummary());
            return 0;
        } catch (AnalysisException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReportCommand()).execute(args));
    }
}
