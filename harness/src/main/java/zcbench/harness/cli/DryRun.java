package zcbench.harness.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Timing;
import zcbench.harness.run.RowNeeds;
import zcbench.harness.run.Waiting;
import zcbench.harness.targets.TargetChoice;
import zcbench.variants.Requirements;
import zcbench.vocabulary.Row;

/** What {@code run --dry-run} prints: the rows in order, each with its time and when it would end. */
final class DryRun {
    private DryRun() {
    }

    static String render(PlanSpec plan, String target) {
        Timing t = plan.timing();
        int perRow = plan.estimatedSecondsPerRow();
        List<Row> rows = plan.rows();
        // The rows a run would skip: on the target it would fall back to, when it would, which the header names.
        String used = TargetChoice.wouldUse(target);
        List<Optional<String>> needs = RowNeeds.of(rows, used, Requirements.THIS_MACHINE);
        int running = RowNeeds.running(needs);
        String shown = used.equals(target) ? target : target + " (" + used + " here)";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("plan %s: %s, about %s (per row: %d fork%s, %d warm-up x %d ms, %d measured x"
                        + " %d ms, about %s)%n", plan.id(), RowNeeds.rowsOn(rows.size(), running, shown),
                Waiting.format(Duration.ofSeconds(plan.estimatedSeconds(running))), t.forks(),
                t.forks() == 1 ? "" : "s", t.warmupIterations(), t.warmupMillis(), t.measurementIterations(),
                t.measurementMillis(), Waiting.format(Duration.ofSeconds(perRow))));
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        String number = "%" + Integer.toString(rows.size()).length() + "d";
        int ran = 0;
        for (int i = 0; i < rows.size(); i++) {
            String line;
            if (needs.get(i).isPresent()) {
                // A skipped row forks nothing: it adds no time.
                line = "skipped here: " + needs.get(i).get();
            } else {
                ran++;
                line = "about " + Waiting.format(Duration.ofSeconds(perRow)) + ", done after "
                        + Waiting.format(Duration.ofSeconds((long) perRow * ran));
            }
            sb.append(String.format("  " + number + "  %-" + width + "s  %s%n", i + 1, rows.get(i).label(), line));
        }
        return sb.toString();
    }
}
