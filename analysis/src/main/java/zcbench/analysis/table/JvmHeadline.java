package zcbench.analysis.table;

import java.util.List;
import java.util.Optional;

import zcbench.analysis.compare.Ratio;
import zcbench.vocabulary.Knobs;

/**
 * The headline of a run that has java.nio's UDP rows beside io_uring zero-copy with registered buffers (plan jvm):
 * what a JVM developer asks, "what would io_uring zero-copy give me over my DatagramChannel, at my packet size?"
 * (docs/ARCHITECTURE.md, "The JVM rows"). The ratio is B's MB/s over A's with its 99.9% interval, as a row pair's.
 */
final class JvmHeadline {
    static final String JDK = "nio";
    static final String BEST = "uring_zc_fixed";

    private JvmHeadline() {
    }

    /** Empty for a run without a java.nio and a uring_zc_fixed UDP row of the same payload and target. */
    static Optional<String> of(SpeedupTable table) {
        List<SpeedupRow[]> pairs = table.rows().stream().filter(r -> is(r, JDK))
                .flatMap(nio -> table.rows().stream().filter(r -> is(r, BEST) && sameWorkload(nio, r))
                        .map(best -> new SpeedupRow[] {nio, best}))
                .sorted((x, y) -> Integer.compare(y[0].row().payload(), x[0].row().payload())).toList();
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        SpeedupRow[] largest = pairs.getFirst();
        StringBuilder s = new StringBuilder("Here, io_uring zero-copy with registered buffers (")
                .append(RowLabels.label(largest[1].row())).append(") sends ").append(ratio(largest))
                .append(" the bytes per second of java.nio's DatagramChannel at ")
                .append(largest[0].row().payload()).append(" bytes");
        if (pairs.size() > 1) {
            SpeedupRow[] smallest = pairs.getLast();
            s.append(" (").append(ratio(smallest)).append(" at ").append(smallest[0].row().payload())
                    .append(")");
        }
        s.append(", to ").append(largest[0].row().target()).append('.');
        if (largest[1].copiedZeroCopy()) {
            s.append(" The kernel copied ").append(Num.fixed(largest[1].copiedPct(), 0))
                    .append("% of its zero-copy sends there.");
        }
        return Optional.of(s.toString());
    }

    private static boolean is(SpeedupRow r, String variant) {
        return r.row().variant().equals(variant) && r.row().value(Knobs.PROTOCOL).equals("udp");
    }

    /** The same packets to the same place, each row's other knobs at their defaults but batch. */
    private static boolean sameWorkload(SpeedupRow a, SpeedupRow b) {
        return a.row().payload() == b.row().payload() && a.row().target().equals(b.row().target())
                && a.row().value(Knobs.IP).equals(b.row().value(Knobs.IP))
                && a.row().value(Knobs.THREADS).equals(b.row().value(Knobs.THREADS));
    }

    /** "5.12× [4.80, 5.40]", or without an interval when a row has none. */
    private static String ratio(SpeedupRow[] pair) {
        Ratio r = Ratio.of(pair[0], pair[1]);
        return Num.fixed(r.value(), 2) + "×" + Cells.interval(r.interval());
    }
}
