package zcbench.analysis.crossover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcbench.analysis.table.Num;

/**
 * crossover.csv: one line per pair, target and payload, the columns COLUMNS.md documents, in this order; the
 * pair's crossover is repeated on each of its lines.
 */
public final class CrossoverCsv {
    public static final List<String> COLUMNS = List.of("zero_copy", "copying", "target", "payload",
            "zero_copy_mb_s", "copying_mb_s", "ratio", "ratio_ci_low", "ratio_ci_high", "crossover",
            "crossover_bytes", "crossover_ci_low", "crossover_ci_high", "crossings", "zero_copy_no", "copying_no",
            "copied");

    private CrossoverCsv() {
    }

    public static String render(List<Crossover> crossovers) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Crossover c : crossovers) {
                for (CrossoverPoint p : c.points()) {
                    printer.printRecord(c.zeroCopy(), c.copying(), c.target(), p.payload(),
                            Num.fixed(p.zeroCopy().mean(), 3), Num.fixed(p.copying().mean(), 3),
                            Num.fixed(p.ratio(), 4), Num.fixed(p.ratioInterval().low(), 4),
                            Num.fixed(p.ratioInterval().high(), 4), c.kind().name().toLowerCase(Locale.ROOT),
                            Num.fixed(c.payload(), 1), end(c.interval().low()), end(c.interval().high()),
                            c.crossings(), p.zeroCopyNo(), p.copyingNo(), p.copied());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /** An interval's end: "-inf" or "inf" where unbounded, empty without an interval. */
    private static String end(double v) {
        return Double.isInfinite(v) ? (v < 0 ? "-inf" : "inf") : Num.fixed(v, 1);
    }
}
