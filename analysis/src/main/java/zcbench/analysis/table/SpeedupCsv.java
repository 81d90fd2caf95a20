package zcbench.analysis.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcbench.analysis.jmh.Params;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.KernelEvent;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.LatencyPercentile;
import zcbench.vocabulary.RowKey;

/**
 * speedup.csv: one line per row, the columns COLUMNS.md documents, in this order. A run that is not a
 * measurement starts with a comment line that says so ({@link #COMMENT}) and has no speedup or RFC columns.
 */
public final class SpeedupCsv {
    /** The comment marker of the first line of a run that is not a measurement. */
    public static final char COMMENT = '#';
    /** The column that says how a ratio's interval was made, in every CSV with one (COLUMNS.md). */
    public static final String INTERVAL_METHOD = "interval_method";
    /** The last knob whose column was there when the sending CPU's columns were appended: they follow it. */
    private static final String LAST_KNOB_BEFORE_SENDING_CPU = Knobs.THREADS.name();

    private record Column(String name, Function<SpeedupRow, String> value, boolean measurementOnly) {
        Column(String name, Function<SpeedupRow, String> value) {
            this(name, value, false);
        }
    }

    private static final List<Column> COLUMNS = columns();

    private SpeedupCsv() {
    }

    /** Every column, as a measurement has them. */
    public static List<String> columnNames() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** The columns of this table: no speedup and RFC columns when it is not a measurement. */
    public static List<String> columnNames(SpeedupTable table) {
        return columns(table).stream().map(Column::name).toList();
    }

    private static List<Column> columns(SpeedupTable table) {
        return COLUMNS.stream().filter(c -> table.measurement() || !c.measurementOnly()).toList();
    }

    public static String render(SpeedupTable table) {
        List<Column> columns = columns(table);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columnNames(table).toArray(String[]::new))
                .setCommentMarker(COMMENT).setHeaderComments(table.run().notAMeasurement().stream().toArray())
                .setRecordSeparator("\n").get();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (SpeedupRow row : table.rows()) {
                printer.printRecord(columns.stream().map(c -> c.value().apply(row)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>(List.of(
                new Column("no", r -> Integer.toString(r.no())),
                new Column("test", SpeedupRow::test)));
        Params.FIRST.forEach(n -> c.add(param(n)));
        c.addAll(List.of(
                new Column("ops_s", r -> Num.fixed(r.opsPerSec(), 3)),
                new Column("mb_s", r -> Num.fixed(r.mbS().score(), 3)),
                new Column("mb_s_error", r -> Num.fixed(r.mbS().error(), 3)),
                new Column("mb_s_ci_low", r -> Num.fixed(r.mbS().low(), 3)),
                new Column("mb_s_ci_high", r -> Num.fixed(r.mbS().high(), 3)),
                new Column("speedup", r -> Num.fixed(r.speedup(), 4), true),
                new Column("baseline_no", r -> r.baselineNo() == 0 ? "" : Integer.toString(r.baselineNo()), true),
                new Column("rfc_mb_s", r -> Num.fixed(r.rfcMbS(), 3), true),
                new Column("rfc_kreq_s", r -> Num.fixed(r.rfcKreqS(), 0), true),
                new Column("rfc_speedup", r -> Num.fixed(r.rfcSpeedup(), 4), true),
                new Column("copied_pct", r -> Num.fixed(r.copiedPct(), 3))));
        SpeedupTable.COUNTERS.forEach(n -> c.add(perPacket(n)));
        CpuMetric.ids(true).forEach(n -> c.add(cpu(n)));
        c.add(new Column("speedup_ci_low", r -> Num.fixed(r.speedupInterval().low(), 4), true));
        c.add(new Column("speedup_ci_high", r -> Num.fixed(r.speedupInterval().high(), 4), true));
        c.add(mark(Mark.NOISY));
        c.add(new Column("forks", r -> Integer.toString(r.forks())));
        c.add(new Column("samples", r -> Integer.toString(r.mbSSamples().sampleCount())));
        c.add(param(Knobs.POLL.name()));
        c.add(param(Knobs.VERIFY.name()));
        SpeedupTable.LATER_COUNTERS.forEach(n -> c.add(perPacket(n)));
        c.add(new Column("delivered_pct", r -> Num.fixed(r.deliveredPct(), 3)));
        c.add(new Column(RowKey.COLUMN, r -> r.params().key()));
        // The knobs added before the sending CPU's columns, then those columns, then each knob added since, at
        // the end in Knobs' order (COLUMNS.md).
        List<String> knobs = Params.NAMES.stream().filter(n -> c.stream().noneMatch(col -> col.name().equals(n)))
                .toList();
        int before = knobs.indexOf(LAST_KNOB_BEFORE_SENDING_CPU) + 1;
        knobs.subList(0, before).forEach(n -> c.add(param(n)));
        CpuMetric.ids(false).forEach(n -> c.add(cpu(n)));
        c.add(mark(Mark.STOLEN));
        knobs.subList(before, knobs.size()).forEach(n -> c.add(param(n)));
        SpeedupTable.COUNTERS_AFTER_ROW.forEach(n -> c.add(perPacket(n)));
        KernelEvent.ids().forEach(n -> c.add(new Column(n, r -> Num.fixed(r.events().get(n), 6))));
        LatencyPercentile.ids().forEach(n -> c.add(new Column(n, r -> Num.fixed(r.latency().get(n), 3))));
        c.add(new Column(INTERVAL_METHOD, r -> r.speedupInterval().exists() ? r.speedupMethod().id() : "", true));
        return List.copyOf(c);
    }

    private static Column cpu(String id) {
        return new Column(id, r -> Num.fixed(r.cpu().get(id), 3));
    }

    private static Column mark(Mark mark) {
        return new Column(mark.id(), mark::cell);
    }

    private static Column param(String name) {
        return new Column(name, r -> r.params().value(name));
    }

    private static Column perPacket(Counter counter) {
        return new Column(counter.id() + "_per_packet", r -> Num.fixed(r.perPacket().get(counter.id()), 6));
    }
}
