package zcbench.analysis.table;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import zcbench.analysis.stats.Intervals;

/**
 * The sentence a report opens with: the claim under test (a speedup over the baseline) as this run measured
 * it, with its interval, beside the RFC's figure. The row is the one the RFC claimed most for (its largest
 * speedup); without RFC figures, the run's largest speedup.
 */
public final class Headline {
    private Headline() {
    }

    public static String of(SpeedupTable table) {
        Optional<String> notOne = table.run().notAMeasurement();
        if (notOne.isPresent()) {
            return notOne.get();
        }
        Optional<SpeedupRow> row = row(table);
        if (row.isEmpty()) {
            return "No speedup to report: no row has a " + table.baseline() + " row of the same payload and target "
                    + "to compare with.";
        }
        SpeedupRow r = row.get();
        SpeedupRow base = table.rows().get(r.baselineNo() - 1);
        StringBuilder s = new StringBuilder("On this machine, ").append(Variants.prose(r.params())).append(" sends ")
                .append(Num.fixed(r.speedup(), 2)).append("×");
        if (r.speedupInterval().exists()) {
            s.append(" [").append(Num.fixed(r.speedupInterval().low(), 2)).append(", ")
                    .append(Num.fixed(r.speedupInterval().high(), 2)).append("]");
        }
        s.append(" the bytes per second of ").append(Variants.prose(base.params())).append(" with ")
                .append(r.params().payload()).append("-byte packets")
                .append(switch (r.params().target()) {
                    case "sink" -> " to the sink";
                    case "loopback" -> " over loopback, where the kernel copies every zero-copy send";
                    default -> " to " + r.params().target();
                });
        s.append(Double.isFinite(r.rfcSpeedup()) ? "; the RFC measured " + Num.fixed(r.rfcSpeedup(), 2) + "×."
                : "; the RFC has no figure for this row.");
        if (!r.speedupInterval().exists()) {
            s.append(" No interval: ").append(r.forks() < Intervals.MIN_FORKS ? "measured in one fork."
                    : "too few samples.");
        }
        for (SpeedupRow noisy : r == base ? List.of(r) : List.of(r, base)) {
            if (noisy.noisy()) {
                s.append(" Row ").append(noisy.no()).append(" is noisy (error ")
                        .append(Num.fixed(Intervals.errorPercent(noisy.mbS()), 1)).append("% of its score).");
            }
        }
        if (r.copiedZeroCopy()) {
            s.append(" The kernel copied ").append(Num.fixed(r.copiedPct(), 0)).append("% of its sends.");
        }
        return s.toString();
    }

    private static Optional<SpeedupRow> row(SpeedupTable table) {
        var candidates = table.rows().stream().filter(r -> r.baselineNo() != 0 && r.baselineNo() != r.no()
                && Double.isFinite(r.speedup())).toList();
        Comparator<SpeedupRow> byPayload = Comparator.comparingInt(r -> r.params().payload());
        Optional<SpeedupRow> rfc = candidates.stream().filter(r -> Double.isFinite(r.rfcSpeedup()))
                .max(Comparator.comparingDouble(SpeedupRow::rfcSpeedup).thenComparing(byPayload));
        return rfc.isPresent() ? rfc : candidates.stream().max(Comparator.comparingDouble(SpeedupRow::speedup));
    }
}
