package zcbench.analysis.table;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import zcbench.analysis.rfc.RfcFigure;
import zcbench.analysis.rfc.RfcFigures;
import zcbench.analysis.stats.Intervals;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

/**
 * The sentence a report opens with: the claim under test (a speedup over the baseline) as this run measured
 * it, with its interval, beside the RFC's figure. The row is the one the RFC claimed most for (its largest
 * speedup, on its sink set-up even when this run sent elsewhere); without any, the run's largest speedup. A run
 * with java.nio's rows beside io_uring zero-copy with registered buffers speaks to a JVM developer instead
 * ({@link JvmHeadline}).
 */
public final class Headline {
    private Headline() {
    }

    public static String of(SpeedupTable table) {
        Optional<String> notOne = table.run().notAMeasurement();
        if (notOne.isPresent()) {
            return notOne.get();
        }
        Optional<String> jvm = JvmHeadline.of(table);
        if (jvm.isPresent()) {
            return jvm.get();
        }
        Optional<SpeedupRow> row = row(table);
        if (row.isEmpty()) {
            return "No speedup to report: no row has a " + table.baseline() + " row of the same payload and target "
                    + "to compare with.";
        }
        SpeedupRow r = row.get();
        SpeedupRow base = table.rows().get(r.baselineNo() - 1);
        StringBuilder s = new StringBuilder("On this machine, ").append(RowLabels.prose(r.row())).append(" sends ")
                .append(Num.fixed(r.speedup(), 2)).append("×");
        if (r.speedupInterval().exists()) {
            s.append(" [").append(Num.fixed(r.speedupInterval().low(), 2)).append(", ")
                    .append(Num.fixed(r.speedupInterval().high(), 2)).append("]");
        }
        s.append(" the bytes per second of ").append(RowLabels.prose(base.row())).append(" with ")
                .append(r.row().payload()).append("-byte packets")
                .append(switch (r.row().target()) {
                    case Knobs.TARGET_SINK -> " to the sink";
                    case Knobs.TARGET_FORWARD -> " forwarded by a router namespace to the sink";
                    case Knobs.TARGET_PEER -> " to a receiver in a peer namespace, where local delivery copies every zero-copy"
                            + " send";
                    case Knobs.TARGET_LOOPBACK -> " over loopback, where the kernel copies every zero-copy send";
                    default -> " to " + r.row().target();
                });
        double claim = rfcClaim(table, r);
        s.append(Double.isFinite(r.rfcSpeedup()) ? "; the RFC measured " + Num.fixed(r.rfcSpeedup(), 2) + "×."
                : Double.isFinite(claim) ? "; the RFC measured " + Num.fixed(claim, 2) + "× to its sink device."
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
        List<SpeedupRow> candidates = table.rows().stream().filter(r -> r.baselineNo() != 0
                && r.baselineNo() != r.no() && Double.isFinite(r.speedup())).toList();
        Comparator<SpeedupRow> byPayload = Comparator.comparingInt(r -> r.row().payload());
        Optional<SpeedupRow> rfc = candidates.stream().filter(r -> Double.isFinite(rfcClaim(table, r)))
                .max(Comparator.comparingDouble((SpeedupRow r) -> rfcClaim(table, r)).thenComparing(byPayload));
        return rfc.isPresent() ? rfc : candidates.stream().max(Comparator.comparingDouble(SpeedupRow::speedup));
    }

    /** The RFC's speedup for the row and its baseline as the RFC ran them: to its sink, ubuf_cache on. */
    private static double rfcClaim(SpeedupTable table, SpeedupRow r) {
        SpeedupRow base = table.rows().get(r.baselineNo() - 1);
        return rfcOnSink(r.row()) / rfcOnSink(base.row());
    }

    private static double rfcOnSink(Row p) {
        // The loop knobs as the RFC's tools ran them, whatever this row's; ubuf_cache is the RFC's own switch.
        Row asRfc = p.with(Knobs.TARGET, Knobs.TARGET_SINK);
        for (Knob k : RfcFigures.AT_DEFAULT_IN_THE_RFC) {
            if (k != Knobs.UBUF_CACHE) {
                asRfc = asRfc.with(k.name(), "");
            }
        }
        return p.value(Knobs.UBUF_CACHE).equals("on") ? RfcFigures.lookup(asRfc).map(RfcFigure::mbS)
                .orElse(Double.NaN) : Double.NaN;
    }
}
