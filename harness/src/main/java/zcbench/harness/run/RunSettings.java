package zcbench.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import zcbench.harness.plan.RowSelection;
import zcbench.harness.plan.Timing;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;

/**
 * What a run was asked to do, written as {@code plan.json} into its folder so that
 * {@code run --rerun} can run some of its rows again the same way.
 *
 * @param plan      the plan's name ("custom" for rows from -p alone)
 * @param target    the target asked for (a run without root falls back to loopback each time)
 * @param timing    the plan's timing; JMH options in jmhArgs override it as they did
 * @param jmhArgs   the JMH options given, without the -p of row parameters (those are in rows)
 * @param flame     --flame's mode, or null
 * @param jfr       --jfr
 * @param events    --events (false in runs from before plan.json recorded it)
 * @param selection the -p values that chose the rows, for the record
 * @param rerunOf   the run folder this one reran rows of, or null
 * @param rows      every row, each with every knob
 */
public record RunSettings(String plan, String target, Timing timing, List<String> jmhArgs, String flame, boolean jfr,
                          boolean events, Map<String, List<String>> selection, String rerunOf,
                          List<Map<String, String>> rows) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public List<Row> planRows() {
        return rows.stream().map(Row::of).toList();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + ResultFiles.PLAN_JSON + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a run folder's plan.json and checks every row as -p would; a knob's former name, as older runs
     * wrote it, is read as its name.
     *
     * @throws IllegalArgumentException with one sentence when there is none or it cannot be used
     */
    public static RunSettings read(Path runFolder) {
        Path file = runFolder.resolve(ResultFiles.PLAN_JSON);
        if (!Files.isDirectory(runFolder)) {
            throw new IllegalArgumentException(runFolder + " is not a run folder; pass one such as results/latest");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runFolder + " has no " + ResultFiles.PLAN_JSON + " (runs write it since"
                    + " zcbench knows --rerun), so its settings are unknown; choose its rows with -p instead");
        }
        RunSettings s;
        try {
            s = JSON.readValue(file.toFile(), RunSettings.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); it was not written by zcbench run or was edited");
        }
        if (s.plan() == null || s.timing() == null || s.rows() == null || s.target() == null) {
            throw new IllegalArgumentException(file + " lacks plan, target, timing or rows; it was not written by"
                    + " zcbench run or was edited");
        }
        List<Map<String, String>> rows = s.rows().stream().map(RunSettings::currentNames).toList();
        for (Map<String, String> row : rows) {
            row.forEach((name, value) -> {
                Optional<Knob> knob = Knobs.of(name);
                String problem = knob.isEmpty() ? "not a row parameter" : RowSelection.problem(knob.get(), value);
                if (problem != null) {
                    throw new IllegalArgumentException(file + " has a row with " + name + " '" + value + "', which is "
                            + problem);
                }
            });
        }
        Map<String, List<String>> selection = s.selection() == null ? null : currentNames(s.selection());
        return new RunSettings(s.plan(), s.target(), s.timing(), s.jmhArgs(), s.flame(), s.jfr(), s.events(),
                selection, s.rerunOf(), rows);
    }

    private static <V> Map<String, V> currentNames(Map<String, V> byName) {
        Map<String, V> current = new LinkedHashMap<>();
        byName.forEach((name, value) -> current.put(Knobs.current(name), value));
        return current;
    }
}
