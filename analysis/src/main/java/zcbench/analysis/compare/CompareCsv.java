package zcbench.analysis.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupRow;

/** compare.csv: one line per row of either run; the columns COLUMNS.md documents. */
public final class CompareCsv {
    public static final List<String> COLUMNS = List.of("test", "variant", "payload", "batch", "flush", "ubuf_cache",
            "target", "cpu", "a_mb_s", "a_mb_s_error", "b_mb_s", "b_mb_s_error", "ratio", "ratio_low", "ratio_high",
            "verdict", "a_copied_pct", "b_copied_pct", "a_noisy", "b_noisy", "a_forks", "b_forks");

    private CompareCsv() {
    }

    public static String render(Comparison comparison) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (ComparisonRow r : comparison.rows()) {
                List<String> values = new ArrayList<>();
                values.add(r.a() != null ? r.a().test() : r.b().test());
                values.addAll(r.params());
                values.addAll(List.of(mbS(r.a()), error(r.a()), mbS(r.b()), error(r.b()), Num.fixed(r.ratio(), 4),
                        Num.fixed(r.ratioLow(), 4), Num.fixed(r.ratioHigh(), 4), r.verdict().text(),
                        copied(r.a()), copied(r.b()), noisy(r.a()), noisy(r.b()), forks(r.a()), forks(r.b())));
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private static String mbS(SpeedupRow r) {
        return r == null ? "" : Num.fixed(r.mbS().score(), 3);
    }

    private static String error(SpeedupRow r) {
        return r == null ? "" : Num.fixed(r.mbS().error(), 3);
    }

    private static String noisy(SpeedupRow r) {
        return r == null || !r.hasInterval() ? "" : Boolean.toString(r.noisy());
    }

    private static String forks(SpeedupRow r) {
        return r == null ? "" : Integer.toString(r.forks());
    }

    private static String copied(SpeedupRow r) {
        return r == null ? "" : Num.fixed(r.copiedPct(), 3);
    }
}
