package zcbench.analysis.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.KernelEvent;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.LatencyPercentile;
import zcbench.vocabulary.Row;
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

    /**
     * Every column in its place, each declared here once. The row's values keep {@link Row#CSV_ORDER} among the
     * other columns, and a knob added since the last placed here ({@link #knobsNotPlaced}) takes its column where
     * the knobs end, so that columns already there keep their places (COLUMNS.md).
     */
    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("no", r -> Integer.toString(r.no())));
        c.add(new Column("test", SpeedupRow::test));
        values(c, Knobs.VARIANT.name(), Knobs.PAYLOAD.name(), Knobs.BATCH.name(), Knobs.FLUSH.name(),
                Knobs.UBUF_CACHE.name(), Knobs.TARGET, Knobs.CPU.name());
        c.add(new Column("ops_s", r -> Num.fixed(r.opsPerSec(), 3)));
        c.add(new Column("mb_s", r -> Num.fixed(r.mbS().score(), 3)));
        c.add(new Column("mb_s_error", r -> Num.fixed(r.mbS().error(), 3)));
        c.add(new Column("mb_s_ci_low", r -> Num.fixed(r.mbS().low(), 3)));
        c.add(new Column("mb_s_ci_high", r -> Num.fixed(r.mbS().high(), 3)));
        c.add(new Column("speedup", r -> Num.fixed(r.speedup(), 4), true));
        c.add(new Column("baseline_no", r -> r.baselineNo() == 0 ? "" : Integer.toString(r.baselineNo()), true));
        c.add(new Column("rfc_mb_s", r -> Num.fixed(r.rfcMbS(), 3), true));
        c.add(new Column("rfc_kreq_s", r -> Num.fixed(r.rfcKreqS(), 0), true));
        c.add(new Column("rfc_speedup", r -> Num.fixed(r.rfcSpeedup(), 4), true));
        c.add(new Column("copied_pct", r -> Num.fixed(r.copiedPct(), 3)));
        SpeedupTable.COUNTERS.forEach(n -> c.add(perPacket(n)));
        CpuMetric.ids(true).forEach(n -> c.add(cpu(n)));
        c.add(new Column("speedup_ci_low", r -> Num.fixed(r.speedupInterval().low(), 4), true));
        c.add(new Column("speedup_ci_high", r -> Num.fixed(r.speedupInterval().high(), 4), true));
        c.add(mark(Mark.NOISY));
        c.add(new Column("forks", r -> Integer.toString(r.forks())));
        c.add(new Column("samples", r -> Integer.toString(r.mbSSamples().sampleCount())));
        values(c, Knobs.POLL.name(), Knobs.VERIFY.name());
        SpeedupTable.LATER_COUNTERS.forEach(n -> c.add(perPacket(n)));
        c.add(new Column("delivered_pct", r -> Num.fixed(r.deliveredPct(), 3)));
        c.add(new Column(RowKey.COLUMN, r -> r.row().key()));
        values(c, Knobs.SETUP.name(), Knobs.IOV.name(), Knobs.MEMORY.name(), Knobs.IP.name(), Knobs.THREADS.name());
        CpuMetric.ids(false).forEach(n -> c.add(cpu(n)));
        c.add(mark(Mark.STOLEN));
        values(c, Knobs.PROTOCOL.name(), Knobs.LATENCY.name(), Knobs.ZC_THRESHOLD.name());
        knobsNotPlaced(c).forEach(n -> c.add(param(n)));
        SpeedupTable.COUNTERS_AFTER_ROW.forEach(n -> c.add(perPacket(n)));
        KernelEvent.ids().forEach(n -> c.add(new Column(n, r -> Num.fixed(r.events().get(n), 6))));
        LatencyPercentile.ids().forEach(n -> c.add(new Column(n, r -> Num.fixed(r.latency().get(n), 3))));
        c.add(new Column(INTERVAL_METHOD, r -> r.speedupInterval().exists() ? r.speedupMethod().id() : "", true));
        return List.copyOf(c);
    }

    private static void values(List<Column> c, String... names) {
        Arrays.stream(names).forEach(n -> c.add(param(n)));
    }

    /** The row's values without a column so far: knobs added since this list was last written, in their order. */
    private static List<String> knobsNotPlaced(List<Column> c) {
        return Row.CSV_ORDER.stream().filter(n -> c.stream().noneMatch(col -> col.name().equals(n))).toList();
    }

    private static Column cpu(String id) {
        return new Column(id, r -> Num.fixed(r.cpu().get(id), 3));
    }

    private static Column mark(Mark mark) {
        return new Column(mark.id(), mark::cell);
    }

    private static Column param(String name) {
        return new Column(name, r -> r.row().value(name));
    }

    private static Column perPacket(Counter counter) {
        return new Column(counter.id() + "_per_packet", r -> Num.fixed(r.perPacket().get(counter.id()), 6));
    }
}
