package zcbench.analysis.table;

import java.util.ArrayList;
import java.util.List;
import zcbench.analysis.rfc.RfcFigures;

/** The RFC-shaped columns shown to readers (Markdown, terminal, HTML), so all three say the same thing. */
public final class Cells {
    public static final String COPIED = "copied %";
    /** Shown only when the run had the CPU profiler (every zcbench run has; a bare JMH file may not). */
    public static final String CPU_NS_PER_PACKET = "CPU ns/pkt";

    private static final List<String> HEADERS = List.of("no", "test", "MB/s", "+/-", "speedup", "RFC MB/s",
            "RFC speedup", COPIED);
    private static final List<Boolean> NUMERIC = List.of(true, false, true, true, true, true, true, true);

    private Cells() {
    }

    public static List<String> headers(SpeedupTable table) {
        List<String> headers = new ArrayList<>(HEADERS);
        if (table.hasCpu()) {
            headers.add(CPU_NS_PER_PACKET);
        }
        return List.copyOf(headers);
    }

    /** Which of {@link #headers} hold numbers (right-aligned). */
    public static List<Boolean> numeric(SpeedupTable table) {
        List<Boolean> numeric = new ArrayList<>(NUMERIC);
        if (table.hasCpu()) {
            numeric.add(true);
        }
        return List.copyOf(numeric);
    }

    public static List<String> of(SpeedupTable table, SpeedupRow r) {
        List<String> cells = new ArrayList<>(List.of(Integer.toString(r.no()),
                r.test() + (table.isBaseline(r) ? " (baseline)" : ""),
                Num.shown(r.mbS().score(), 0),
                Num.shown(r.mbS().error(), 0),
                Num.shown(r.speedup(), 2),
                rfc(r),
                Num.shown(r.rfcSpeedup(), 2),
                Num.shown(r.copiedPct(), 1) + (r.copiedZeroCopy() ? " COPIED" : "")));
        if (table.hasCpu()) {
            cells.add(Num.shown(r.cpu().get("cpu_ns_per_packet"), 0));
        }
        return List.copyOf(cells);
    }

    private static String rfc(SpeedupRow r) {
        String mbS = Num.shown(r.rfcMbS(), 0);
        return Double.isNaN(r.rfcKreqS()) ? mbS : mbS + " (" + Num.fixed(r.rfcKreqS(), 0) + " kreq/s)";
    }

    /** What every rendering states under its tables (after the copied warning, which each shows its own way). */
    public static List<String> notes(SpeedupTable table) {
        List<String> all = new ArrayList<>(RfcFigures.MAPPING_NOTES);
        if (table.hasCpu()) {
            all.add("CPU ns/pkt: CPU time (user + system) of the benchmark's fork per packet: all its threads, "
                    + "io_uring's workers, the JIT and GC included, from getrusage over each measured iteration "
                    + "(its setup and teardown included).");
        }
        all.addAll(table.notes());
        return all;
    }

    public static String heading(SpeedupTable table) {
        return "MB/s = MiB/s, +/- = JMH's 99.9% interval; speedup against the " + table.baseline()
                + " row of the same payload and target.";
    }
}
