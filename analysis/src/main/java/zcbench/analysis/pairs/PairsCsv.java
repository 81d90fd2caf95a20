package zcbench.analysis.pairs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcbench.analysis.table.Mark;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.vocabulary.RowKey;

/** pairs.csv: one line per row pair, the columns COLUMNS.md documents, in this order. */
public final class PairsCsv {
    /** Between the two row keys in the {@code row} column, as flame-diff names a pair. */
    public static final String BETWEEN = "--vs--";

    private record Column(String name, Function<RowPair, String> value) {
    }

    private static final List<Column> ALL = columns();
    public static final List<String> COLUMNS = ALL.stream().map(Column::name).toList();

    private PairsCsv() {
    }

    public static String render(List<RowPair> pairs) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (RowPair p : pairs) {
                printer.printRecord(ALL.stream().map(c -> c.value().apply(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>(List.of(
                new Column("pair", RowPair::label),
                new Column("knob", RowPair::knob),
                new Column("a_value", RowPair::aValue),
                new Column("b_value", RowPair::bValue),
                new Column("payload", p -> Integer.toString(p.a().row().payload())),
                new Column("target", p -> p.a().row().target()),
                new Column("a_no", p -> Integer.toString(p.a().no())),
                new Column("b_no", p -> Integer.toString(p.b().no())),
                new Column("a_mb_s", p -> Num.fixed(p.a().mbS().score(), 3)),
                new Column("b_mb_s", p -> Num.fixed(p.b().mbS().score(), 3)),
                new Column("ratio", p -> Num.fixed(p.ratio().value(), 4)),
                new Column("ratio_low", p -> Num.fixed(p.ratio().interval().low(), 4)),
                new Column("ratio_high", p -> Num.fixed(p.ratio().interval().high(), 4)),
                new Column("verdict", p -> p.ratio().verdict().text()),
                new Column("a_forks", p -> Integer.toString(p.a().forks())),
                new Column("b_forks", p -> Integer.toString(p.b().forks())),
                new Column(RowKey.COLUMN, p -> p.a().row().key() + BETWEEN + p.b().row().key())));
        // A ratio is no surer than its two rows: each mark of either, named as speedup.csv's noisy and stolen.
        for (Mark m : Mark.values()) {
            c.add(new Column("a_" + m.id(), p -> m.cell(p.a())));
            c.add(new Column("b_" + m.id(), p -> m.cell(p.b())));
        }
        c.add(new Column(SpeedupCsv.INTERVAL_METHOD, p -> p.ratio().methodCell()));
        return List.copyOf(c);
    }
}
