package zcbench.analysis.report;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.crossover.Crossover;
import zcbench.analysis.crossover.CrossoverCsv;
import zcbench.analysis.crossover.CrossoverText;
import zcbench.analysis.crossover.Crossovers;
import zcbench.analysis.jmh.Params;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.pairs.PairsCsv;
import zcbench.analysis.pairs.PairsTable;
import zcbench.analysis.pairs.RowPair;
import zcbench.analysis.pairs.RowPairs;
import zcbench.analysis.profile.RunProfiles;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.analysis.table.SpeedupMarkdown;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.v5.V5Table;
import zcbench.vocabulary.AtomicFile;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Variant;

/**
 * Writes a run's speedup.csv, speedup.md and report.html from its jmh.json (and env.json; report.html also
 * shows the flame graphs and profile-summary.csv the profiles module left in the run folder), pairs.csv when
 * it has row pairs, and crossover.csv when the run sweeps payloads.
 */
public final class RunReports {
    private RunReports() {
    }

    /**
     * Reads runDir/jmh.json (and env.json beside it) and writes the three files, and pairs.csv when the run has row
     * pairs, into runDir.
     *
     * @throws AnalysisException on bad input, with one sentence saying what was wrong and what to do
     */
    public static RunReport writeAll(Path runDir) {
        return write(runDir, null, baseline(Run.load(runDir)));
    }

    /**
     * msg_zerocopy, the RFC's baseline; in a run without it that has java.nio's rows (plan jvm), java.nio, what a
     * JVM developer compares with (docs/ARCHITECTURE.md, "The JVM rows").
     */
    public static String baseline(Run run) {
        List<String> variants = run.results().stream().flatMap(r -> r.zcbenchParams().stream()).map(Params::variant)
                .distinct().toList();
        return !variants.contains(Variant.DEFAULT_BASELINE) && variants.contains(JDK_BASELINE) ? JDK_BASELINE
                : Variant.DEFAULT_BASELINE;
    }

    /** java.nio's blocking channel: the baseline of a run of the JVM rows without msg_zerocopy. */
    public static final String JDK_BASELINE = "nio";

    /**
     * @param input a run folder or a JMH JSON file
     * @param outDir where to write, or null for the folder of the JSON file
     */
    public static RunReport write(Path input, Path outDir, String baseline) {
        Run run = Run.load(input);
        SpeedupTable table = SpeedupTable.of(run, baseline);
        List<RowPair> pairs = RowPairs.of(table);
        // Everything is rendered before anything is written: bad input leaves no file behind.
        String csv = SpeedupCsv.render(table);
        List<Crossover> crossovers = Crossovers.of(table);
        Optional<V5Table> v5 = V5Table.of(table);
        String md = SpeedupMarkdown.render(table, PairsTable.markdown(pairs)) + markdown(crossovers, v5);
        Path dir = outDir == null ? run.dir() : outDir.toAbsolutePath();
        String html = ReportHtml.render(table, pairs, RunProfiles.of(table), dir, crossovers, v5);
        List<Path> files = new ArrayList<>(List.of(writeFile(dir.resolve(ResultFiles.SPEEDUP_CSV), csv),
                writeFile(dir.resolve(ResultFiles.SPEEDUP_MD), md),
                writeFile(dir.resolve(ResultFiles.REPORT_HTML), html)));
        if (!pairs.isEmpty()) {
            files.add(writeFile(dir.resolve(ResultFiles.PAIRS_CSV), PairsCsv.render(pairs)));
        }
        if (!crossovers.isEmpty()) {
            files.add(writeFile(dir.resolve(ResultFiles.CROSSOVER_CSV), CrossoverCsv.render(crossovers)));
        }
        return new RunReport(table, pairs, crossovers, v5, List.copyOf(files));
    }

    /** The crossover sentences and the v5 table after speedup.md's own; empty for a run with neither. */
    private static String markdown(List<Crossover> crossovers, Optional<V5Table> v5) {
        StringBuilder md = new StringBuilder();
        CrossoverText.sentences(crossovers).forEach(s -> md.append("\n**").append(s).append("**\n"));
        v5.ifPresent(t -> md.append(t.markdown()));
        return md.toString();
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
