package zcbench.analysis.report;

import java.nio.file.Path;
import java.util.List;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.AtomicFiles;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.profile.RunProfiles;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.analysis.table.SpeedupMarkdown;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.table.Variants;

/**
 * Writes a run's speedup.csv, speedup.md and report.html from its jmh.json (and env.json; report.html also
 * shows the flame graphs and profile-summary.csv the profiles module left in the run folder).
 */
public final class RunReports {
    public static final String CSV = "speedup.csv";
    public static final String MARKDOWN = "speedup.md";
    public static final String HTML = "report.html";

    private RunReports() {
    }

    /**
     * Reads runDir/jmh.json (and env.json beside it) and writes the three files into runDir.
     *
     * @throws AnalysisException on bad input, with one sentence saying what was wrong and what to do
     */
    public static RunReport writeAll(Path runDir) {
        return write(runDir, null, Variants.DEFAULT_BASELINE);
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
        return new RunReport(table, List.of(AtomicFiles.write(dir.resolve(CSV), csv),
                AtomicFiles.write(dir.resolve(MARKDOWN), md), AtomicFiles.write(dir.resolve(HTML), html)));
    }
}
