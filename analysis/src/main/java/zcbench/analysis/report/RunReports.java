package zcbench.analysis.report;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import zcbench.analysis.AnalysisException;
import zcbench.analysis.jmh.Run;
import zcbench.vocabulary.AtomicFile;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * Writes a run's outputs ({@link RunOutputs#ALL}: speedup.csv, speedup.md and report.html, pairs.csv when it has
 * row pairs, crossover.csv when it sweeps payloads) from its jmh.json and env.json; report.html also shows the
 * flame graphs and profile-summary.csv the profiles module left in the run folder.
 */
public final class RunReports {
    private RunReports() {
    }

    /**
     * Reads runDir/jmh.json (and env.json beside it) and writes the run's outputs into runDir.
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
        List<String> variants = run.results().stream().flatMap(r -> r.zcbenchRow().stream()).map(Row::variant)
                .distinct().toList();
        return !variants.contains(Variant.DEFAULT_BASELINE) && variants.contains(JDK_BASELINE) ? JDK_BASELINE
                : Variant.DEFAULT_BASELINE;
    }

    /** java.nio's blocking channel: the baseline of a run of the JVM rows without msg_zerocopy. */
    public static final String JDK_BASELINE = "nio";

    /**
     * Renders every output of {@link RunOutputs#ALL} the run has something for, then writes them.
     *
     * @param input a run folder or a JMH JSON file
     * @param outDir where to write, or null for the folder of the JSON file
     */
    public static RunReport write(Path input, Path outDir, String baseline) {
        Run run = Run.load(input);
        Path dir = outDir == null ? run.dir() : outDir.toAbsolutePath();
        RunAnalysis analysis = RunAnalysis.of(run, baseline, dir);
        // Everything is rendered before anything is written: bad input leaves no file behind.
        Map<String, String> rendered = new LinkedHashMap<>();
        for (RunOutput output : RunOutputs.ALL) {
            output.render(analysis).ifPresent(content -> rendered.put(output.file(), content));
        }
        List<Path> files = new ArrayList<>();
        rendered.forEach((file, content) -> files.add(writeFile(dir.resolve(file), content)));
        return new RunReport(analysis, List.copyOf(files));
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
