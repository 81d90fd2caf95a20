package zcbench.harness.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import zcbench.analysis.stats.Bootstrap;
import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.TextTable;
import zcbench.harness.run.ParityRun.Measured;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.RowKey;

/**
 * zcbench / C per row, with its 99.9% interval over the rounds: each round's zcbench fork (its iterations) paired
 * with that round's C run ({@link Bootstrap#pairedRatio}), the two having run seconds apart. parity.csv and the
 * printed table.
 */
public record ParityTable(List<Line> lines) {
    public static final List<String> COLUMNS = List.of("payload", "variant", "batch", "c_command", "rounds",
            "zcbench_mb_s", "c_mb_s", "ratio", "ratio_low", "ratio_high", "interval_method", "failure", RowKey.COLUMN);

    /** One row: both sides' means, zcbench / C and its interval, how many rounds paired. */
    public record Line(Measured measured, String command, String key, double zcbench, double c, double ratio,
                       Interval interval, int rounds) {
    }

    public static ParityTable of(List<Measured> measured, List<String> commands, List<String> keys) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            Measured m = measured.get(i);
            // Only rounds with both sides: a row that failed in round k keeps its complete rounds before it.
            int paired = Math.min(m.zcbench().size(), m.c().size());
            ForkSamples zc = new ForkSamples(m.zcbench().subList(0, paired)).inRounds();
            ForkSamples c = new ForkSamples(m.c().subList(0, paired).stream().map(List::of).toList()).inRounds();
            double ratio = zc.mean() / c.mean();
            Interval interval = paired >= 2 ? Bootstrap.pairedRatio(zc, c) : Interval.NONE;
            lines.add(new Line(m, commands.get(i), keys.get(i), zc.mean(), c.mean(), ratio, interval, paired));
        }
        return new ParityTable(List.copyOf(lines));
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get().print(out)) {
            for (Line l : lines) {
                var row = l.measured().row();
                csv.printRecord(row.value(Knobs.PAYLOAD.name()), row.value(Knobs.VARIANT.name()),
                        row.value(Knobs.BATCH.name()), l.command(), l.rounds(), Num.fixed(l.zcbench(), 3),
                        Num.fixed(l.c(), 3), Num.fixed(l.ratio(), 4), Num.fixed(l.interval().low(), 4),
                        Num.fixed(l.interval().high(), 4), l.interval().exists() ? IntervalMethod.ROUNDS.id() : "",
                        l.measured().failure() == null ? "" : l.measured().failure(), l.key());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /** The printed table: row, C command, both MB/s, zcbench / C [99.9%], rounds. */
    public String text() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("row", "C command", "zcbench MB/s", "C MB/s", "zcbench / C", "99.9% interval", "rounds"));
        for (Line l : lines) {
            rows.add(List.of(l.key(), l.command(), Num.shown(l.zcbench(), 0), Num.shown(l.c(), 0),
                    Num.shown(l.ratio(), 3), l.interval().exists() ? String.format(Locale.ROOT, "[%.3f, %.3f]",
                            l.interval().low(), l.interval().high()) : "-", Integer.toString(l.rounds())));
        }
        return TextTable.render(rows, List.of(false, false, true, true, true, true, true));
    }
}
