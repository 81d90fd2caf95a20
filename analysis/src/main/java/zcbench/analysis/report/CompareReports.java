package zcbench.analysis.report;

import java.nio.file.Path;
import java.util.List;
import zcbench.analysis.AtomicFiles;
import zcbench.analysis.compare.CompareCsv;
import zcbench.analysis.compare.CompareText;
import zcbench.analysis.compare.Comparison;
import zcbench.analysis.jmh.Run;

/** Writes compare.csv and compare.html for two runs. */
public final class CompareReports {
    public static final String CSV = "compare.csv";
    public static final String HTML = "compare.html";

    /** What was written, and the comparison for the terminal. */
    public record CompareReport(Comparison comparison, List<Path> files) {
        public String renderText() {
            return CompareText.render(comparison);
        }
    }

    private CompareReports() {
    }

    /** @param outDir where to write, or null for B's folder */
    public static CompareReport write(Path a, Path b, Path outDir) {
        Comparison comparison = Comparison.of(Run.load(a), Run.load(b));
        String csv = CompareCsv.render(comparison);
        String html = CompareHtml.render(comparison);
        Path dir = outDir == null ? comparison.b().dir() : outDir.toAbsolutePath();
        return new CompareReport(comparison, List.of(AtomicFiles.write(dir.resolve(CSV), csv),
                AtomicFiles.write(dir.resolve(HTML), html)));
    }
}
