package zcbench.analysis.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import zcbench.vocabulary.KernelEvent;
import zcbench.vocabulary.LatencyPercentile;

/**
 * The tables beside the speedup table, each a header line and a line per row that has its numbers: kernel
 * events per packet (run --events) side by side, so that "uring_zc_fixed b8 makes 0.125 syscalls and 2
 * CQEs per packet" is read, not inferred; and notification latency percentiles (latency=true).
 */
public final class SideTables {
    private static final String NO = "no";
    private static final String TEST = "test";

    /** A side table's heading and the sentence that says what its numbers are, as every output shows them. */
    public record Title(String heading, String caption) {
    }

    public static final Title EVENTS = new Title("Kernel events per packet",
            "Tracepoints counted by perf stat on the sending CPUs over the measured iterations (run --events),"
                    + " divided by the packets sent.");
    public static final Title LATENCY = new Title("Notification latency",
            "Microseconds from a zero-copy send's completion (send CQE or sendmsg's return) to its notification,"
                    + " every fork's measured iterations (latency=true).");

    private SideTables() {
    }

    /** Header, then one line per row with event counts; empty when no row has them. */
    public static List<List<String>> events(SpeedupTable table) {
        List<String> labels = Arrays.stream(KernelEvent.values()).map(e -> e.label() + "/pkt").toList();
        return lines(table, labels, KernelEvent.ids(), SpeedupRow::events, 3);
    }

    /** Header, then one line per row with a latency histogram, in microseconds; empty when no row has one. */
    public static List<List<String>> latency(SpeedupTable table) {
        return lines(table, LatencyPercentile.ids(), LatencyPercentile.ids(), SpeedupRow::latency, 1);
    }

    /** The rows that have some of {@code ids} in {@code values}, each with all of them; empty when none has. */
    private static List<List<String>> lines(SpeedupTable table, List<String> labels, List<String> ids,
                                            Function<SpeedupRow, Map<String, Double>> values, int decimals) {
        List<SpeedupRow> rows = table.rows().stream()
                .filter(r -> ids.stream().map(values.apply(r)::get).anyMatch(v -> v != null && Double.isFinite(v)))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = new ArrayList<>(List.of(NO, TEST));
        header.addAll(labels);
        List<List<String>> lines = new ArrayList<>(List.of(header));
        for (SpeedupRow r : rows) {
            List<String> line = new ArrayList<>(List.of(Integer.toString(r.no()), r.test()));
            ids.forEach(id -> line.add(Num.shown(values.apply(r).get(id), decimals)));
            lines.add(line);
        }
        return lines;
    }

    /** Which columns of a side table are numbers: all but the test's label. */
    public static List<Boolean> numeric(List<List<String>> lines) {
        List<Boolean> numeric = new ArrayList<>(Collections.nCopies(lines.getFirst().size(), true));
        numeric.set(1, false);
        return numeric;
    }
}
