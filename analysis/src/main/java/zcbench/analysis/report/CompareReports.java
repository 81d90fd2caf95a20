package zcbench.analysis.report;

import java.nio.file.Path;
import java.util.List;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.compare.CompareCsv;
import zcbench.analysis.compare.CompareText;
import zcbench.analysis.compare.Comparison;
import zcbench.analysis.jmh.Run;
import zcbench.vocabulary.ResultFiles;

/**
 * Writes compare.csv and compare.html for two runs, into a folder of their own: never into an input, so that a
 * run folder holds only what that run made.
 */
public final class CompareReports {
    /** What was written, and the comparison for the terminal. */
    public record CompareReport(Comparison comparison, List<Path> files) {
        public String renderText() {
            return CompareText.render(comparison);
        }
    }

    private CompareReports() {
    }

    /**
     * @param outDir where to write, or null for {@link #defaultDir}
     * @throws AnalysisException on bad input, or when outDir is an input's run folder (or inside one)
     */
    public static CompareReport write(Path a, Path b, Path outDir) {
        Comparison comparison = Comparison.of(Run.load(a), Run.load(b));
        Path dir = outDir == null ? defaultDir(comparison) : outDir.toAbsolutePath().normalize();
        for (Run input : List.of(comparison.a(), comparison.b())) {
            if (dir.equals(input.dir()) || isRunFolder(input) && dir.startsWith(input.dir())) {
                throw new AnalysisException("--out " + dir + " is " + (isRunFolder(input) ? "inside the run folder "
                        : "the folder of the input ") + input.dir() + "; compare never writes into an input: pick "
                        + "another folder, or leave --out out for a new folder of its own.");
            }
        }
        String csv = CompareCsv.render(comparison);
        String html = CompareHtml.render(comparison);
        return new CompareReport(comparison, List.of(RunReports.writeFile(dir.resolve(ResultFiles.COMPARE_CSV), csv),
                RunReports.writeFile(dir.resolve(ResultFiles.COMPARE_HTML), html)));
    }

    /**
     * compare-&lt;A&gt;-vs-&lt;B&gt; beside B's run folder (results/compare-X-vs-Y for two runs under results/),
     * or beside B's file when B is a bare JMH JSON file. Comparing the same two runs again rewrites it.
     */
    public static Path defaultDir(Comparison c) {
        Run b = c.b();
        Path besideB = isRunFolder(b) && b.dir().getParent() != null ? b.dir().getParent() : b.dir();
        return besideB.resolve("compare-" + name(c.a()) + "-vs-" + name(c.b()));
    }

    private static boolean isRunFolder(Run run) {
        return run.jmhJson().getFileName().toString().equals(ResultFiles.JMH_JSON);
    }

    private static String name(Run run) {
        return run.name().replaceFirst("\\.json$", "").replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
