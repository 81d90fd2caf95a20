package zcbench.harness.cli;

import java.time.Duration;
import java.util.List;

import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Row;
import zcbench.harness.plan.Timing;
import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.Waiting;
import zcbench.variants.Requirements;

/** What {@code run --dry-run} prints: the rows in order, each with its time and when it would end. */
final class DryRun {
    private DryRun() {
    }

    static String render(PlanSpec plan, String target) {
        Timing t = plan.timing();
        int perRow = plan.estimatedSecondsPerRow();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("plan %s: %d %s on %s, about %s (per row: %d fork%s, %d warm-up x %d ms, %d measured x"
                        + " %d ms, about %s)%n", plan.id(), plan.rows().size(), plan.rows().size() == 1 ? "row" : "rows",
                target, Waiting.format(Duration.ofSeconds(plan.estimatedSeconds())), t.forks(),
                t.forks() == 1 ? "" : "s", t.warmupIterations(), t.warmupMillis(), t.measurementIterations(),
                t.measurementMillis(), Waiting.format(Duration.ofSeconds(perRow))));
        List<Row> rows = plan.rows();
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        String number = "%" + Integer.toString(rows.size()).length() + "d";
        for (int i = 0; i < rows.size(); i++) {
            String skipped = PlanRunner.needs(rows.get(i), target, Requirements.THIS_MACHINE)
                    .map(n -> "; skipped here: " + n).orElse("");
            sb.append(String.format("  " + number + "  %-" + width + "s  about %s, done after %s%s%n", i + 1,
                    rows.get(i).label(), Waiting.format(Duration.ofSeconds(perRow)),
                    Waiting.format(Duration.ofSeconds((long) perRow * (i + 1))), skipped));
        }
        return sb.toString();
    }
}
