package zcbench.harness.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import zcbench.analysis.AnalysisException;
import zcbench.analysis.jmh.JmhJson;
import zcbench.analysis.jmh.JmhResult;
import zcbench.analysis.stats.Intervals;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;

/** The rows of a finished run that {@code run --rerun} runs again. */
public final class Rerun {
    /** Which rows: those whose error is above the plans' aim, or those without a result. */
    public enum Which {
        NOISY, FAILED;

        public static Which of(String s) {
            return switch (s) {
                case "noisy" -> NOISY;
                case "failed" -> FAILED;
                default -> throw new IllegalArgumentException("--rerun takes noisy or failed, not '" + s + "'");
            };
        }

        public String id() {
            return name().toLowerCase();
        }
    }

    private Rerun() {
    }

    /**
     * noisy: rows whose 99.9% interval is wider than {@link Intervals#NOISY_SHARE} of their score, by
     * the rule of every output ({@link Intervals#row});
     * failed: rows of plan.json without a result in jmh.json (failed, or never reached because the
     * run was stopped). In the run's order.
     */
    public static List<Row> rows(Which which, Path runFolder, RunSettings settings) {
        List<JmhResult> results = results(runFolder.resolve(ResultFiles.JMH_JSON));
        return settings.planRows().stream().filter(row -> {
            List<JmhResult> own = results.stream().filter(r -> matches(row, r.params())).toList();
            return switch (which) {
                case FAILED -> own.isEmpty();
                case NOISY -> own.stream().anyMatch(r -> Intervals.noisy(Intervals.row(r.primary(), r.samples())));
            };
        }).toList();
    }

    /**
     * A result belongs to a row when every row parameter JMH recorded has the row's value (JmhJson reads a
     * knob's former name as its name).
     */
    static boolean matches(Row row, Map<String, String> resultParams) {
        for (Map.Entry<String, String> p : resultParams.entrySet()) {
            if (Knobs.of(p.getKey()).isPresent() && !p.getValue().equals(row.value(p.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static List<JmhResult> results(Path jmhJson) {
        if (!Files.isRegularFile(jmhJson)) {
            return List.of(); // no row finished
        }
        try {
            return JmhJson.read(jmhJson);
        } catch (AnalysisException e) {
            throw new IllegalArgumentException(e.getMessage().replaceAll("\\.$", ""));
        }
    }
}
