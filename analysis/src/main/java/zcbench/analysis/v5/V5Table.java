package zcbench.analysis.v5;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import zcbench.analysis.rfc.V5Figure;
import zcbench.analysis.rfc.V5Figures;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.Intervals;
import zcbench.analysis.table.Mark;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.table.TextTable;

/**
 * Plan v5's table: sends per second at each payload and column of the 2022 letter, ours beside the published,
 * each zero-copy column's speedup over non-zc of the same payload (docs/PLANS.md, "The 2022 tables").
 */
public record V5Table(List<Line> lines) {
    public static final List<String> HEADERS = List.of("bytes", "letter's column", "our row", "our sends/s",
            "our speedup [99.9%]", "letter's sends/s", "letter's speedup");
    public static final List<Boolean> NUMERIC = List.of(true, false, false, true, true, true, true);
    private static final int WRAP = 100;

    /**
     * One payload and column; ours is null where the run has no row for it.
     *
     * @param speedup our sends/s over our non-zc row's, NaN for non-zc itself or without that row
     */
    public record Line(V5Figure published, SpeedupRow ours, double sendsPerSecond, double speedup,
            Interval speedupInterval) {

        public double publishedSpeedup() {
            V5Figure base = V5Figures.of(published.payload(), V5Figures.NON_ZC);
            return published.column() == V5Figures.NON_ZC ? Double.NaN
                    : published.sendsPerSecond() / base.sendsPerSecond();
        }

        public List<String> cells() {
            String interval = speedupInterval.exists() ? " [" + Num.fixed(speedupInterval.low(), 2) + ", "
                    + Num.fixed(speedupInterval.high(), 2) + "]" : "";
            return List.of(Integer.toString(published.payload()), published.column().header(),
                    ours == null ? published.column().row() + " (not run)" : ours.no() + "  " + ours.test(),
                    Num.shown(sendsPerSecond, 0) + marks(),
                    Double.isFinite(speedup) ? Num.fixed(speedup, 2) + interval : "-",
                    Num.fixed(published.sendsPerSecond(), 0), Num.shown(publishedSpeedup(), 2));
        }

        /** Every mark our row has in the speedup table, beside the one figure of it this table shows. */
        private String marks() {
            return ours == null ? "" : Mark.suffix(Mark.of(ours));
        }
    }

    /** Present when some row of a measurement maps onto the letter's table. */
    public static Optional<V5Table> of(SpeedupTable table) {
        if (!table.measurement() || table.rows().stream().noneMatch(r -> V5Figures.lookup(r.row()).isPresent())) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        for (int payload : V5Figures.PAYLOADS) {
            SpeedupRow base = row(table, V5Figures.of(payload, V5Figures.NON_ZC));
            for (V5Figures.Column column : V5Figures.COLUMNS) {
                V5Figure published = V5Figures.of(payload, column);
                SpeedupRow ours = row(table, published);
                boolean against = ours != null && base != null && column != V5Figures.NON_ZC;
                lines.add(new Line(published, ours, ours == null ? Double.NaN : sendsPerSecond(ours),
                        against ? sendsPerSecond(ours) / sendsPerSecond(base) : Double.NaN,
                        against ? Intervals.ratio(ours.mbSSamples(), base.mbSSamples()) : Interval.NONE));
            }
        }
        return Optional.of(new V5Table(List.copyOf(lines)));
    }

    public String text() {
        List<List<String>> all = new ArrayList<>(List.of(HEADERS));
        lines.forEach(l -> all.add(l.cells()));
        StringBuilder out = new StringBuilder("\nThe 2022 series' dummy-device table, ours beside the published:\n")
                .append(TextTable.render(all, NUMERIC)).append("\n");
        V5Figures.MAPPING_NOTES.forEach(n -> out.append(TextTable.wrap("* " + n, WRAP, "  ")));
        return out.toString();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("\n## The 2022 series' dummy-device table, ours beside the published\n\n")
                .append(row(HEADERS)).append(row(NUMERIC.stream().map(n -> n ? "---:" : "---").toList()));
        lines.forEach(l -> md.append(row(l.cells())));
        md.append("\n");
        V5Figures.MAPPING_NOTES.forEach(n -> md.append("- ").append(n).append("\n"));
        return md.toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** Packets per second: each benchmark operation sends a batch. */
    private static double sendsPerSecond(SpeedupRow r) {
        return r.opsPerSec() * r.row().batch();
    }

    private static SpeedupRow row(SpeedupTable table, V5Figure figure) {
        return table.rows().stream().filter(r -> V5Figures.lookup(r.row()).filter(figure::equals).isPresent())
                .findFirst().orElse(null);
    }
}
