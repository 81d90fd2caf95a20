package zcbench.harness.cli;

import java.util.ArrayList;
import java.util.List;

import zcbench.harness.plan.Plan;
import zcbench.harness.plan.RowSelection;
import zcbench.vocabulary.Knobs;

/** {@code run --help}'s description, computed from the plans: it can never state another timing than the one run. */
final class RunUsage {
    private RunUsage() {
    }

    /** The usage text: what a run writes, and each plan with its timing and estimated duration. */
    static String[] description() {
        List<String> lines = new ArrayList<>(List.of("Runs a plan in rounds (--order) and writes a new folder "
                + "results/<date-time>-<plan>/ with jmh.json, speedup.csv, speedup.md, report.html, env.json, "
                + "trials.csv and jmh.log (and pairs.csv when rows differ in one knob); results/latest points at it.",
                "", "Plans (durations estimated for a 2-core machine):"));
        for (Plan p : Plan.values()) {
            lines.add("  " + p.describe());
        }
        lines.add("Each measured row's 99.9% interval covers the variation between its forks; a row whose error is"
                + " above 5% of its score is NOISY, and the run ends with one line saying how many were and what to"
                + " do. In rounds, a ratio of two rows (speedup, row pair) is taken within each round and its"
                + " interval over the rounds.");
        lines.addAll(List.of("",
            "Rows: -p NAME=V1,V2 keeps the plan's rows with those values; without --plan it makes the rows itself:"
                + " every meaningful combination of the values given, other knobs at their defaults. Row parameters: "
                + Knobs.helpLine() + ". A knob applies to the variants it means something for; rows of other variants stay"
                + " only when named with -p variant=. " + RowSelection.DEFAULT_VARIANTS
                + " Every value is checked before anything runs.",
            "",
            "One run at a time: a run waits for the one that holds the machine (saying which, and about how long it"
                + " has left), or with --no-wait does not start.",
            ""));
        // picocli formats each line with String.format.
        return lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    }
}
