package zcbench.analysis.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcbench.analysis.table.Mark;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.analysis.table.SpeedupRow;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.RowKey;

/** compare.csv: one line per row of either run; the columns COLUMNS.md documents, in this order. */
public final class CompareCsv {
    private record Column(String name, Function<ComparisonRow, String> value) {
    }

    private static final List<Column> ALL = columns();
    public static final List<String> COLUMNS = ALL.stream().map(Column::name).toList();

    private CompareCsv() {
    }

    public static String render(Comparison comparison) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (ComparisonRow r : comparison.rows()) {
                printer.printRecord(ALL.stream().map(c -> c.value().apply(r)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /**
     * Every column in its place, each declared here once. The row's values keep {@link Row#CSV_ORDER} among the
     * other columns; a knob added since the last placed here takes its column where the knobs end, and a mark
     * added since the last placed here takes its two at the very end, so that columns already there keep their
     * places (COLUMNS.md).
     */
    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("test", r -> (r.a() != null ? r.a() : r.b()).test()));
        values(c, Knobs.VARIANT.name(), Knobs.PAYLOAD.name(), Knobs.BATCH.name(), Knobs.FLUSH.name(),
                Knobs.UBUF_CACHE.name(), Knobs.TARGET, Knobs.CPU.name());
        c.add(new Column("a_mb_s", r -> mbS(r.a())));
        c.add(new Column("a_mb_s_error", r -> error(r.a())));
        c.add(new Column("b_mb_s", r -> mbS(r.b())));
        c.add(new Column("b_mb_s_error", r -> error(r.b())));
        c.add(new Column("ratio", r -> Num.fixed(r.ratio(), 4)));
        c.add(new Column("ratio_low", r -> Num.fixed(r.ratioLow(), 4)));
        c.add(new Column("ratio_high", r -> Num.fixed(r.ratioHigh(), 4)));
        c.add(new Column("verdict", r -> r.verdict().text()));
        c.add(new Column("a_copied_pct", r -> copied(r.a())));
        c.add(new Column("b_copied_pct", r -> copied(r.b())));
        addMark(c, Mark.NOISY);
        c.add(new Column("a_forks", r -> forks(r.a())));
        c.add(new Column("b_forks", r -> forks(r.b())));
        values(c, Knobs.POLL.name(), Knobs.VERIFY.name());
        c.add(new Column(RowKey.COLUMN, ComparisonRow::label));
        values(c, Knobs.SETUP.name(), Knobs.IOV.name(), Knobs.MEMORY.name(), Knobs.IP.name(), Knobs.THREADS.name(),
                Knobs.PROTOCOL.name(), Knobs.LATENCY.name());
        addMark(c, Mark.COPIED);
        addMark(c, Mark.UNDELIVERED);
        addMark(c, Mark.STOLEN);
        values(c, Knobs.ZC_THRESHOLD.name());
        values(c, Row.CSV_ORDER.stream().filter(n -> c.stream().noneMatch(col -> col.name().equals(n)))
                .toArray(String[]::new));
        Arrays.stream(Mark.values()).filter(m -> c.stream().noneMatch(col -> col.name().equals("a_" + m.id())))
                .forEach(m -> addMark(c, m));
        c.add(new Column(SpeedupCsv.INTERVAL_METHOD, r -> r.asRatio().methodCell()));
        return List.copyOf(c);
    }

    private static void values(List<Column> c, String... names) {
        Arrays.stream(names).forEach(n -> c.add(param(n)));
    }

    private static void addMark(List<Column> c, Mark m) {
        c.add(mark("a_", m, ComparisonRow::a));
        c.add(mark("b_", m, ComparisonRow::b));
    }

    /** The parameter's value, "a -> b" where it is what the runs compare. */
    private static Column param(String name) {
        return new Column(name, r -> r.params().get(Row.CSV_ORDER.indexOf(name)));
    }

    private static String mbS(SpeedupRow r) {
        return r == null ? "" : Num.fixed(r.mbS().score(), 3);
    }

    private static String error(SpeedupRow r) {
        return r == null ? "" : Num.fixed(r.mbS().error(), 3);
    }

    /** The mark's column of one run's row ("a_" or "b_"), empty when the row is only in the other run. */
    private static Column mark(String side, Mark mark, Function<ComparisonRow, SpeedupRow> row) {
        return new Column(side + mark.id(), r -> row.apply(r) == null ? "" : mark.cell(row.apply(r)));
    }

    private static String forks(SpeedupRow r) {
        return r == null ? "" : Integer.toString(r.forks());
    }

    private static String copied(SpeedupRow r) {
        return r == null ? "" : Num.fixed(r.copiedPct(), 3);
    }
}
