package zcbench.analysis.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcbench.analysis.jmh.Params;
import zcbench.analysis.table.Mark;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.analysis.table.SpeedupRow;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.RowKey;

/** compare.csv: one line per row of either run; the columns COLUMNS.md documents, in this order. */
public final class CompareCsv {
    private record Column(String name, Function<ComparisonRow, String> value) {
    }

    /** The last knob whose column was there when the marks' columns after noisy were appended: they follow it. */
    private static final String LAST_KNOB_BEFORE_MARKS = Knobs.LATENCY.name();
    /** The marks whose columns follow that knob; a mark added since has its columns at the very end. */
    private static final List<Mark> MARKS_AFTER_THE_KNOB = List.of(Mark.COPIED, Mark.UNDELIVERED, Mark.STOLEN);
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

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>(List.of(new Column("test", r -> (r.a() != null ? r.a() : r.b()).test())));
        Params.FIRST.forEach(n -> c.add(param(n)));
        c.addAll(List.of(
                new Column("a_mb_s", r -> mbS(r.a())),
                new Column("a_mb_s_error", r -> error(r.a())),
                new Column("b_mb_s", r -> mbS(r.b())),
                new Column("b_mb_s_error", r -> error(r.b())),
                new Column("ratio", r -> Num.fixed(r.ratio(), 4)),
                new Column("ratio_low", r -> Num.fixed(r.ratioLow(), 4)),
                new Column("ratio_high", r -> Num.fixed(r.ratioHigh(), 4)),
                new Column("verdict", r -> r.verdict().text()),
                new Column("a_copied_pct", r -> copied(r.a())),
                new Column("b_copied_pct", r -> copied(r.b())),
                mark("a_", Mark.NOISY, ComparisonRow::a),
                mark("b_", Mark.NOISY, ComparisonRow::b),
                new Column("a_forks", r -> forks(r.a())),
                new Column("b_forks", r -> forks(r.b())),
                param(Knobs.POLL.name()),
                param(Knobs.VERIFY.name()),
                new Column(RowKey.COLUMN, ComparisonRow::label)));
        // The knobs up to the last that was there when the other marks' columns were appended, those columns, then
        // each knob added since in Knobs' order, then each mark added since (COLUMNS.md): columns only ever grow at
        // the end.
        List<String> knobs = Params.NAMES.stream().filter(n -> c.stream().noneMatch(col -> col.name().equals(n)))
                .toList();
        int before = knobs.indexOf(LAST_KNOB_BEFORE_MARKS) + 1;
        knobs.subList(0, before).forEach(n -> c.add(param(n)));
        MARKS_AFTER_THE_KNOB.forEach(m -> addMark(c, m));
        knobs.subList(before, knobs.size()).forEach(n -> c.add(param(n)));
        Arrays.stream(Mark.values()).filter(m -> m != Mark.NOISY && !MARKS_AFTER_THE_KNOB.contains(m))
                .forEach(m -> addMark(c, m));
        c.add(new Column(SpeedupCsv.INTERVAL_METHOD, r -> r.asRatio().methodCell()));
        return List.copyOf(c);
    }

    private static void addMark(List<Column> c, Mark m) {
        c.add(mark("a_", m, ComparisonRow::a));
        c.add(mark("b_", m, ComparisonRow::b));
    }

    /** The parameter's value, "a -> b" where it is what the runs compare. */
    private static Column param(String name) {
        return new Column(name, r -> r.params().get(Params.NAMES.indexOf(name)));
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
