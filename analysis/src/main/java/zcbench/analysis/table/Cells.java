package zcbench.analysis.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import zcbench.analysis.rfc.RfcFigures;
import zcbench.analysis.stats.Bootstrap;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.stats.Intervals;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;

/**
 * The RFC-shaped columns shown to readers (Markdown, terminal, HTML), so all three say the same thing. A run
 * that is not a measurement has no speedup and no RFC columns.
 */
public final class Cells {
    public static final String MB_S = "MB/s";
    public static final String COPIED = "copied %";
    public static final String ERROR = "+/-";
    /** A figure nothing reports (copied % of a library's zero-copy sends): never 0, never "-" (not applicable). */
    public static final String UNKNOWN = "unknown";
    /** Shown only when the run had the CPU profiler (every zcbench run has; a bare JMH file may not). */
    public static final String CPU_NS_PER_PACKET = "CPU ns/pkt";
    /**
     * The figure a mark concerns, which it stands beside. In a table that shows MB/s, a mark not here, or whose
     * figure the table does not show, stands beside MB/s, so that a mark added to {@link Mark} shows in every such
     * table without a place of its own. A table without MB/s ("where the time went") shows only the marks of the
     * figures it has.
     */
    private static final Map<Mark, String> BESIDE = Map.of(Mark.NOISY, ERROR, Mark.COPIED, COPIED, Mark.STOLEN,
            CPU_NS_PER_PACKET);

    private Cells() {
    }

    private record Column(String header, boolean numeric) {
    }

    private static List<Column> columns(SpeedupTable table) {
        List<Column> c = new ArrayList<>(List.of(new Column("no", true), new Column("test", false),
                new Column(MB_S, true), new Column(ERROR, true)));
        if (table.measurement()) {
            c.addAll(List.of(new Column("speedup [99.9%]", true), new Column("RFC MB/s", true),
                    new Column("RFC speedup", true)));
        }
        c.add(new Column(COPIED, true));
        if (table.hasCpu()) {
            c.add(new Column(CPU_NS_PER_PACKET, true));
        }
        return c;
    }

    public static List<String> headers(SpeedupTable table) {
        return columns(table).stream().map(Column::header).toList();
    }

    /** Which of {@link #headers} hold numbers (right-aligned). */
    public static List<Boolean> numeric(SpeedupTable table) {
        return columns(table).stream().map(Column::numeric).toList();
    }

    /** The row's cells as text and Markdown show them, each mark after the figure it stands beside. */
    public static List<String> of(SpeedupTable table, SpeedupRow r) {
        return cells(table, r).stream().map(Cell::shown).toList();
    }

    /** The row's cells, under {@link #headers}, each with the marks that stand beside it. */
    public static List<Cell> cells(SpeedupTable table, SpeedupRow r) {
        List<String> headers = headers(table);
        List<String> texts = new ArrayList<>(List.of(Integer.toString(r.no()),
                r.test() + (table.measurement() && table.isBaseline(r) ? " (baseline)" : ""),
                figure(r, MB_S), figure(r, ERROR)));
        if (table.measurement()) {
            texts.addAll(List.of(speedup(r), rfc(r), Num.shown(r.rfcSpeedup(), 2)));
        }
        texts.add(figure(r, COPIED));
        if (table.hasCpu()) {
            texts.add(figure(r, CPU_NS_PER_PACKET));
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            cells.add(new Cell(texts.get(i), beside(r, headers.get(i), headers)));
        }
        return List.copyOf(cells);
    }

    /**
     * The row's figures under these headers (of {@link #MB_S}, {@link #ERROR}, {@link #COPIED},
     * {@link #CPU_NS_PER_PACKET}), as a table that shows some of them gives them (pairs, compare).
     */
    public static List<Cell> figures(SpeedupRow r, List<String> headers) {
        return headers.stream().map(h -> new Cell(figure(r, h), beside(r, h, headers))).toList();
    }

    /** MB/s with every mark of its row, for a table that shows no other figure of it (row pairs, compare). */
    public static Cell mbS(SpeedupRow r) {
        return figures(r, List.of(MB_S)).getFirst();
    }

    /**
     * The marks of r that stand beside the column header in a table of these headers: each beside the figure it
     * concerns; beside MB/s when that figure is not in the table, or the mark concerns no other.
     */
    public static List<Mark> beside(SpeedupRow r, String header, List<String> headers) {
        return Mark.of(r).stream().filter(m -> {
            String figure = BESIDE.getOrDefault(m, MB_S);
            return figure.equals(header) || header.equals(MB_S) && !headers.contains(figure);
        }).toList();
    }

    private static String figure(SpeedupRow r, String header) {
        return switch (header) {
            case MB_S -> Num.shown(r.mbS().score(), 0);
            case ERROR -> error(r);
            case COPIED -> r.copiedUnknown() ? UNKNOWN : Num.shown(r.copiedPct(), 1);
            case CPU_NS_PER_PACKET -> Num.shown(r.cpu().get(CpuMetric.NS_PER_PACKET.id()), 0);
            default -> throw new IllegalArgumentException("no figure under " + header);
        };
    }

    /** "5509 (14.5%)": the half-width and its share of the score. */
    private static String error(SpeedupRow r) {
        if (!r.hasInterval()) {
            return "-";
        }
        return Num.shown(r.mbS().error(), 0) + " (" + Num.fixed(Intervals.errorPercent(r.mbS()), 1) + "%)";
    }

    /** "2.88 [2.41, 3.20]", or the speedup alone when it has no interval. */
    public static String speedup(SpeedupRow r) {
        return Num.shown(r.speedup(), 2) + interval(r.speedupInterval());
    }

    static String interval(Interval i) {
        return i.exists() ? " [" + Num.fixed(i.low(), 2) + ", " + Num.fixed(i.high(), 2) + "]" : "";
    }

    private static String rfc(SpeedupRow r) {
        String mbS = Num.shown(r.rfcMbS(), 0);
        return Double.isNaN(r.rfcKreqS()) ? mbS : mbS + " (" + Num.fixed(r.rfcKreqS(), 0) + " kreq/s)";
    }

    /** What every rendering states under its tables (after the copied warning, which each shows its own way). */
    public static List<String> notes(SpeedupTable table) {
        List<String> all = new ArrayList<>();
        if (table.measurement()) {
            all.addAll(RfcFigures.MAPPING_NOTES);
        }
        all.add(intervalNote(table));
        if (table.hasCpu()) {
            all.add(table.rows().stream().noneMatch(SpeedupRow::sendingCpuMeasured)
                    ? "CPU ns/pkt: CPU time (user + system) of the benchmark's fork per packet: all its threads, "
                    + "io_uring's workers, the JIT and GC included, from getrusage over each measured iteration "
                    + "(its setup and teardown included)."
                    : "CPU ns/pkt: the sending CPU's busy time (user, system, irq and softirq of the sender's CPU in "
                    + "/proc/stat, whoever ran there; the senders' CPUs summed) per packet over each measured "
                    + "iteration, 10 ms ticks (about 1% of a 1 s iteration). Unpinned rows show the sender "
                    + "thread's own run time. The sender's own time, softirq and the fork's other threads are "
                    + "columns of " + ResultFiles.SPEEDUP_CSV + ".");
            List<String> stolen = table.rows().stream().filter(SpeedupRow::stolen)
                    .map(r -> Integer.toString(r.no())).toList();
            if (!stolen.isEmpty()) {
                all.add("Row" + (stolen.size() > 1 ? "s " : " ") + String.join(", ", stolen) + " "
                        + Mark.STOLEN.word() + ": the hypervisor gave the sending CPU to another guest for more than "
                        + Num.fixed(CpuMetric.STOLEN_PCT, 0) + "% of the time (steal), so MB/s and the CPU "
                        + "figures are low.");
            }
        }
        if (table.hasEvents()) {
            all.add("Kernel events were counted (run --events): every tracepoint hit costs the sending CPU time, so"
                    + " this run's MB/s, speedups and CPU figures are those of a slower loop. Read its events per"
                    + " packet; take MB/s from a run without --events.");
        }
        List<String> unknown = table.rows().stream().filter(SpeedupRow::copiedUnknown)
                .map(r -> Integer.toString(r.no())).toList();
        if (!unknown.isEmpty()) {
            all.add("copied % of row" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + " is "
                    + UNKNOWN + " (empty in " + ResultFiles.SPEEDUP_CSV + "): netty's io_uring transport sends"
                    + " zero-copy above its threshold but never asks the kernel whether it copied"
                    + " (IORING_SEND_ZC_REPORT_USAGE unused), so their MB/s may measure a copy.");
        }
        all.addAll(table.notes());
        List<String> severalSenders = table.rows().stream()
                .filter(r -> !List.of("", Knobs.THREADS.defaultValue()).contains(r.row().value(Knobs.THREADS)))
                .map(r -> Integer.toString(r.no())).toList();
        if (!severalSenders.isEmpty()) {
            all.add("Row" + (severalSenders.size() > 1 ? "s " : " ") + String.join(", ", severalSenders)
                    + " sent from several threads at once (threads): MB/s is their sum, each thread's is in "
                    + ResultFiles.THREADS_CSV + ". " + Knobs.SHARED_CPU);
        }
        return all;
    }

    private static String intervalNote(SpeedupTable table) {
        List<String> oneFork = table.rows().stream().filter(r -> r.hasInterval() && r.forks() < Intervals.MIN_FORKS)
                .map(r -> Integer.toString(r.no())).toList();
        String method = "Intervals are 99.9%. With " + Intervals.MIN_FORKS + " or more forks: a bootstrap ("
                + Bootstrap.REPLICATES + " replicates drawing forks, then iterations within each drawn fork, with "
                + "replacement) whose percentile interval is widened by t/z for the row's samples, as Student's t "
                + "would be; the variation between forks widens it further, but with few forks it can only span "
                + "the forks measured. A row is " + Mark.NOISY.word() + " when its error is above "
                + Num.fixed(100 * Intervals.NOISY_SHARE, 0) + "% of its score.";
        List<SpeedupRow> withSpeedup = table.rows().stream().filter(r -> r.speedupInterval().exists()
                && r.baselineNo() != r.no()).toList();
        method += IntervalMethod.roundsNote(withSpeedup.stream()
                .filter(r -> r.speedupMethod() == IntervalMethod.ROUNDS).count(), withSpeedup.size(), "speedup");
        if (oneFork.isEmpty()) {
            return method;
        }
        return method + " Row" + (oneFork.size() > 1 ? "s " : " ") + String.join(", ", oneFork)
                + (oneFork.size() > 1 ? " were" : " was") + " measured in one fork: "
                + (oneFork.size() > 1 ? "their" : "its") + " interval is JMH's own (Student's t over the "
                + "iterations of one JVM) and says nothing about the next run, so no speedup interval comes "
                + "from it; measure with -f 2 or more.";
    }

    public static String heading(SpeedupTable table) {
        return "MB/s = MiB/s; +/- = half-width of the 99.9% interval (in % of MB/s)"
                + (table.measurement() ? "; speedup against the " + table.baseline() + " row of the same payload "
                        + "and target, with its 99.9% interval." : ".");
    }
}
