package zcbench.analysis.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    private SideTables() {
    }

    /** Header, then one line per row with event counts; empty when no row has them. */
    public static List<List<String>> events(SpeedupTable table) {
        if (!table.hasEvents()) {
            return List.of();
        }
        List<String> header = new ArrayList<>(List.of(NO, TEST));
        for (KernelEvent e : KernelEvent.values()) {
            header.add(e.label() + "/pkt");
        }
        List<List<String>> lines = new ArrayList<>(List.of(header));
        table.rows().stream().filter(r -> r.events().values().stream().anyMatch(Double::isFinite)).forEach(r -> {
            List<String> line = new ArrayList<>(List.of(Integer.toString(r.no()), r.test()));
            KernelEvent.ids().forEach(id -> line.add(Num.shown(r.events().get(id), 3)));
            lines.add(line);
        });
        return lines;
    }

    /** Header, then one line per row with a latency histogram, in microseconds; empty when no row has one. */
    public static List<List<String>> latency(SpeedupTable table) {
        if (!table.hasLatency()) {
            return List.of();
        }
        List<String> header = new ArrayList<>(List.of(NO, TEST));
        LatencyPercentile.ids().forEach(header::add);
        List<List<String>> lines = new ArrayList<>(List.of(header));
        table.rows().stream().filter(r -> r.latency().values().stream().anyMatch(Double::isFinite)).forEach(r -> {
            List<String> line = new ArrayList<>(List.of(Integer.toString(r.no()), r.test()));
            LatencyPercentile.ids().forEach(id -> line.add(Num.shown(r.latency().get(id), 1)));
            lines.add(line);
        });
        return lines;
    }

    /** Which columns of a side table are numbers: all but the test's label. */
    public static List<Boolean> numeric(List<List<String>> lines) {
        List<Boolean> numeric = new ArrayList<>(Collections.nCopies(lines.getFirst().size(), true));
        numeric.set(1, false);
        return numeric;
    }
}
