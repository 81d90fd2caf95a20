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
import zcbench.analysis.report.CompareReports;

/** {@code compare A B [--out DIR]}: B's MB/s over A's, row by row, with a verdict. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two runs row by row (rows matched by their parameters): both MB/s, B/A with its "
                + "99.9%% interval (a bootstrap over both runs' forks and iterations), and a verdict: faster or "
                + "slower when that interval excludes 1, which needs two forks or more per row. Shows where the two "
                + "environments differ and warns when the runs were measured differently. Writes compare.csv and "
                + "compare.html into a new folder compare-A-vs-B beside B's run folder (or --out) and prints the "
                + "comparison.",
                "Exit status: 0 done, 1 bad input (the message says what to do)."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first run: a run folder or a JMH JSON file.")
    private Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second run: a run folder or a JMH JSON file.")
    private Path b;

    @Option(names = "--out", paramLabel = "DIR", description = "Write here instead of compare-A-vs-B beside B's run "
            + "folder; never into an input's run folder.")
    private Path out;

    @Override
    public Integer call() {
        try {
            CompareReports.CompareReport report = CompareReports.write(a, b, out);
            spec.commandLine().getOut().print(report.renderText());
            // The table is the data (report X > table.txt); which files were written is progress.
            spec.commandLine().getOut().flush();
            report.files().forEach(f -> spec.commandLine().getErr().println("wrote " + f));
            return 0;
        } catch (AnalysisException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompareCommand()).execute(args));
    }
}
