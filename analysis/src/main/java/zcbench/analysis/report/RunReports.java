package zcbench.analysis.report;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.profile.RunProfiles;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.analysis.table.SpeedupMarkdown;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.AtomicFile;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Variant;

/**
 * Writes a run's speedup.csv, speedup.md and report.html from its jmh.json (and env.json; report.html also
 * shows the flame graphs and profile-summary.csv the profiles module left in the run folder).
 */
public final class RunReports {
    private RunReports() {
    }

    /**
     * Reads runDir/jmh.json (and env.json beside it) and writes the three files into runDir.
     *
     * @throws AnalysisException on bad input, with one sentence saying what was wrong and what to do
     */
    public static RunReport writeAll(Path runDir) {
        return write(runDir, null, Variant.DEFAULT_BASELINE.id());
    }

    /**
     * @param input a run folder or a JMH JSON file
     * @param outDir where to write, or null for the folder of the JSON file
     */
    public static RunReport write(Path input, Path outDir, String baseline) {
        Run run = Run.load(input);
        SpeedupTable table = SpeedupTable.of(run, baseline);
        // Everything is rendered before anything is written: bad input leaves no file behind.
        String csv = SpeedupCsv.render(table);
        String md = SpeedupMarkdown.render(table);
        Path dir = outDir == null ? run.dir() : outDir.toAbsolutePath();
        String html = ReportHtml.render(table, RunProfiles.of(table), dir);
        return new RunReport(table, List.of(writeFile(dir.resolve(ResultFiles.SPEEDUP_CSV), csv),
                writeFile(dir.resolve(ResultFiles.SPEEDUP_MD), md),
                writeFile(dir.resolve(ResultFiles.REPORT_HTML), html)));
    }

    /** The whole file or nothing ({@link AtomicFile}); a failure is one sentence saying what to check. */
    static Path writeFile(Path target, String content) {
        try {
            return AtomicFile.write(target, content);
        } catch (UncheckedIOException e) {
            throw new AnalysisException("Could not write " + target + " (" + e.getCause().getMessage()
                    + "); check that its folder exists and is writable.");
        }
    }
}
