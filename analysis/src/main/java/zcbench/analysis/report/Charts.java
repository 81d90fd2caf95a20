package zcbench.analysis.report;

import static zcbench.analysis.report.ChartStyle.COPIED;
import static zcbench.analysis.report.ChartStyle.FASTER;
import static zcbench.analysis.report.ChartStyle.NEUTRAL;
import static zcbench.analysis.report.ChartStyle.OURS;
import static zcbench.analysis.report.ChartStyle.PALE_COPIED;
import static zcbench.analysis.report.ChartStyle.PALE_OURS;
import static zcbench.analysis.report.ChartStyle.PALETTE;
import static zcbench.analysis.report.ChartStyle.SYSTEM;
import static zcbench.analysis.report.ChartStyle.USER;
import static zcbench.analysis.report.ChartStyle.categoryPlot;
import static zcbench.analysis.report.ChartStyle.rowHeight;
import static zcbench.analysis.report.ChartStyle.chart;
import static zcbench.analysis.report.ChartStyle.line;
import static zcbench.analysis.report.ChartStyle.stackStyle;
import static zcbench.analysis.report.ChartStyle.style;
import static zcbench.analysis.report.ChartStyle.styled;
import static zcbench.analysis.report.ChartStyle.svg;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import zcbench.analysis.compare.Ratio;
import zcbench.analysis.compare.Verdict;
import zcbench.analysis.profile.ProfileSummaryFile;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.table.Mark;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.CpuMetric;

/**
 * The report's charts, drawn by JFreeChart into inline SVG. Each data mark sits in an SVG group with a
 * class (speedup-mark, rfc-speedup-mark, bar-mark, rfc-mark, cpu-mark, time-mark, ratio-mark) and the row's
 * id, so that the page can be checked and styled; a noisy row's group also has the class noisy.
 */
final class Charts {
    static {
        // Charts need fonts but no display; reports are written on servers and in CI.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Speedup per row against its baseline with its 99.9% interval, the RFC's speedup beside it where one maps,
     * and a line at 1 (as fast as the baseline). Baseline rows are left out (they are 1 by definition); empty
     * when no row has a speedup.
     */
    static Optional<String> speedup(SpeedupTable table, String id) {
        List<SpeedupRow> rows = table.rows().stream().filter(r -> Double.isFinite(r.speedup())
                && r.baselineNo() != r.no()).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        boolean anyRfc = rows.stream().anyMatch(r -> Double.isFinite(r.rfcSpeedup()));
        boolean severalGroups = table.groups().size() > 1;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        IntervalBars renderer = new IntervalBars();
        for (int c = 0; c < rows.size(); c++) {
            SpeedupRow r = rows.get(c);
            String category = category(r, severalGroups);
            data.addValue(r.speedup(), "zcbench", category);
            renderer.mark(0, c, ours("speedup-", r, r.speedupInterval()));
            if (anyRfc) {
                data.addValue(finite(r.rfcSpeedup()), "RFC (2021, bare metal)", category);
                renderer.mark(1, c, new IntervalBars.Mark("rfc-speedup-" + r.no(), "rfc-speedup-mark",
                        Interval.NONE, null, null));
            }
        }
        style(renderer, new DecimalFormat("0.00"));
        NumberAxis axis = styled(new NumberAxis("speedup: MB/s over the " + table.baseline()
                + " row's (whiskers: 99.9% interval; hatched: noisy)"));
        // Each figure on its own: Math.max of a row without an interval or an RFC figure (NaN) would be NaN.
        double top = rows.stream().flatMapToDouble(r -> DoubleStream.of(r.speedup(), r.rfcSpeedup(),
                r.speedupInterval().high())).filter(Double::isFinite).max().orElse(1);
        axis.setRange(0, Math.max(top, 1) * 1.08); // the line at 1 always shows
        CategoryPlot plot = categoryPlot(data, axis, renderer);
        plot.addRangeMarker(line(1.0, "= " + table.baseline()));
        JFreeChart chart = chart("Speedup against " + table.baseline() + (anyRfc ? ": ours beside the RFC's" : ""),
                plot, anyRfc);
        return Optional.of(svg(chart, 110 + rows.size() * rowHeight(data, anyRfc ? 40 : 26), id));
    }

    /**
     * MB/s per row of one payload and target, with whiskers, and the RFC's figure beside ours where one maps
     * (only for a measurement).
     */
    static String mbS(SpeedupTable table, SpeedupTable.Group group, String id) {
        boolean anyRfc = table.measurement() && group.rows().stream().anyMatch(r -> Double.isFinite(r.rfcMbS()));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        IntervalBars renderer = new IntervalBars();
        for (int c = 0; c < group.rows().size(); c++) {
            SpeedupRow r = group.rows().get(c);
            String category = category(r, false) + (r.hasInterval() ? "" : "  [no interval]");
            data.addValue(finite(r.mbS().score()), "zcbench", category);
            renderer.mark(0, c, ours("bar-", r, new Interval(r.mbS().low(), r.mbS().high())));
            if (anyRfc) {
                data.addValue(finite(r.rfcMbS()), "RFC (2021, bare metal)", category);
                renderer.mark(1, c, new IntervalBars.Mark("rfc-" + r.no(), "rfc-mark", Interval.NONE, null, null));
            }
        }
        style(renderer, new DecimalFormat("0"));
        NumberAxis axis = styled(new NumberAxis("MB/s (MiB/s); whiskers: 99.9% interval"));
        // Wide enough for every whisker too, which the axis' own range (the bars alone) would cut off.
        group.rows().stream().flatMapToDouble(r -> DoubleStream.of(r.mbS().score(), r.mbS().high(),
                anyRfc ? r.rfcMbS() : Double.NaN)).filter(Double::isFinite).max()
                .ifPresent(top -> axis.setRange(0, top * 1.05));
        CategoryPlot plot = categoryPlot(data, axis, renderer);
        JFreeChart chart = chart(group.title() + ": MB/s per row" + (anyRfc ? ", the RFC's figure beside" : ""),
                plot, anyRfc);
        return svg(chart, 110 + group.rows().size() * rowHeight(data, anyRfc ? 40 : 26), id);
    }

    /**
     * CPU time per packet, split into user and system time when the profiler reported both; empty when the run
     * had no CPU profiler.
     */
    static Optional<String> cpu(SpeedupTable table, String id) {
        List<SpeedupRow> rows = table.rows().stream()
                .filter(r -> Double.isFinite(r.cpu().getOrDefault(CpuMetric.NS_PER_PACKET.id(), Double.NaN))).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        boolean split = rows.stream().allMatch(r -> Double.isFinite(r.cpu().get(CpuMetric.USER_PCT.id()))
                && Double.isFinite(r.cpu().get(CpuMetric.SYS_PCT.id())) && r.cpu().get(CpuMetric.USER_PCT.id())
                        + r.cpu().get(CpuMetric.SYS_PCT.id()) > 0);
        boolean severalGroups = table.groups().size() > 1;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> ids = new ArrayList<>();
        for (SpeedupRow r : rows) {
            double ns = r.cpu().get(CpuMetric.NS_PER_PACKET.id());
            // A no-break space: a wrapped label keeps "(1753 ns)" whole.
            String category = category(r, severalGroups) + "  (" + new DecimalFormat("0").format(ns) + "\u00a0ns)";
            if (split) {
                double user = r.cpu().get(CpuMetric.USER_PCT.id());
                double share = user / (user + r.cpu().get(CpuMetric.SYS_PCT.id()));
                data.addValue(ns * share, "user", category);
                data.addValue(ns * (1 - share), "system", category);
            } else {
                data.addValue(ns, "user + system", category);
            }
            ids.add("cpu-" + r.no());
        }
        StackedBarRenderer renderer = new TaggedStack("cpu-mark", ids);
        renderer.setSeriesPaint(0, split ? USER : OURS);
        renderer.setSeriesPaint(1, SYSTEM);
        stackStyle(renderer, new DecimalFormat("0"));
        boolean sendingCpu = rows.stream().allMatch(SpeedupRow::sendingCpuMeasured);
        CategoryPlot plot = categoryPlot(data, styled(new NumberAxis(sendingCpu
                ? "CPU ns per packet (the sending CPU, /proc/stat; split as the sender's getrusage)"
                : "CPU ns per packet (getrusage of the fork, all threads)")), renderer);
        JFreeChart chart = chart("CPU time per packet" + (split ? ", user and system" : ""), plot, split);
        return Optional.of(svg(chart, 110 + rows.size() * rowHeight(data, 26), id));
    }

    /**
     * Where each profiled row's CPU samples went, one stacked bar per row adding up to 100 %: the profile
     * summary's percentage columns (profiles/CATEGORIES.md). Empty when it has none.
     */
    static Optional<String> timeWent(SpeedupTable table, ProfileSummaryFile summary, String id) {
        List<String> categories = summary.columns().stream().filter(c -> c.endsWith("_pct")).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> ids = new ArrayList<>();
        boolean severalGroups = table.groups().size() > 1;
        for (SpeedupRow r : table.rows()) {
            Optional<ProfileSummaryFile.Line> line = summary.line(r.row());
            if (line.isEmpty()) {
                continue;
            }
            String category = category(r, severalGroups);
            for (String c : categories) {
                data.addValue(number(line.get().values().get(c)), ReportHtml.label(c), category);
            }
            ids.add("time-" + r.no());
        }
        if (ids.isEmpty() || categories.isEmpty()) {
            return Optional.empty();
        }
        StackedBarRenderer renderer = new TaggedStack("time-mark", ids);
        for (int i = 0; i < categories.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        stackStyle(renderer, new DecimalFormat("0"));
        NumberAxis axis = styled(new NumberAxis("% of the row's CPU samples"));
        axis.setRange(0, 100);
        CategoryPlot plot = categoryPlot(data, axis, renderer);
        JFreeChart chart = chart("Where the time went (async-profiler, cpu)", plot, true);
        return Optional.of(svg(chart, 150 + ids.size() * rowHeight(data, 26), id));
    }

    /** MB/s against payload, one line per test (and target) measured at more than one payload; empty if none. */
    static Optional<String> mbSByPayload(SpeedupTable table, String id) {
        boolean severalTargets = table.rows().stream().map(r -> r.row().target()).distinct().count() > 1;
        Map<String, List<SpeedupRow>> series = new LinkedHashMap<>();
        for (SpeedupRow r : table.rows()) {
            String name = r.test() + (severalTargets ? ", " + r.row().target() : "");
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        series.values().removeIf(rows -> rows.size() < 2);
        if (table.payloads().size() < 2 || series.isEmpty()) {
            return Optional.empty();
        }
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        table.payloads().forEach(p -> series.forEach((name, rows) -> {
            SpeedupRow r = rows.stream().filter(x -> x.row().payload() == p).findFirst().orElse(null);
            data.add(r == null ? null : r.mbS().score(), r == null ? null : finite(r.mbS().error()), name,
                    p + " bytes");
        }));
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        renderer.setAutoPopulateSeriesStroke(false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        CategoryAxis payload = styled(new CategoryAxis("payload"));
        NumberAxis mbS = styled(new NumberAxis("MB/s (MiB/s)"));
        CategoryPlot plot = new CategoryPlot(data, payload, mbS, renderer);
        JFreeChart chart = chart("MB/s against payload", plot, true);
        return Optional.of(svg(chart, 460 + 18 * series.size(), id));
    }

    /**
     * B/A per labelled ratio (compare's matched rows, a run's row pairs) with its interval, a line at 1 (no
     * change); colour by verdict.
     */
    static String ratios(List<String> names, List<Ratio> ratios, String title, String id) {
        Map<Verdict, YIntervalSeries> byVerdict = new LinkedHashMap<>();
        Map<Verdict, List<String>> ids = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (int x = 0; x < ratios.size(); x++) {
            Ratio r = ratios.get(x);
            labels.add((x + 1) + "  " + names.get(x));
            boolean hasInterval = r.interval().exists();
            byVerdict.computeIfAbsent(r.verdict(), v -> new YIntervalSeries(v.text())).add(x, r.value(),
                    hasInterval ? r.interval().low() : r.value(), hasInterval ? r.interval().high() : r.value());
            ids.computeIfAbsent(r.verdict(), v -> new ArrayList<>()).add("ratio-" + (x + 1));
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        byVerdict.values().forEach(data::addSeries);
        TaggedErrors renderer = new TaggedErrors(List.copyOf(ids.values()));
        renderer.setDefaultLinesVisible(false);
        renderer.setDrawXError(false);
        renderer.setErrorStroke(new BasicStroke(3f));
        renderer.setCapLength(10);
        int i = 0;
        for (Verdict v : byVerdict.keySet()) {
            renderer.setSeriesPaint(i++, switch (v) {
                case FASTER -> FASTER;
                case SLOWER -> COPIED;
                default -> NEUTRAL;
            });
        }
        SymbolAxis rowAxis = styled(new SymbolAxis(null, labels.toArray(String[]::new)));
        rowAxis.setGridBandsVisible(false);
        rowAxis.setInverted(true);
        NumberAxis ratio = styled(new NumberAxis("B/A (MB/s), with its 99.9% interval"));
        double top = ratios.stream().flatMapToDouble(r -> DoubleStream.of(r.value(), r.interval().high()))
                .filter(Double::isFinite).max().orElse(1);
        ratio.setRange(0, Math.max(top, 1) * 1.08); // always show the line at 1
        XYPlot plot = new XYPlot(data, rowAxis, ratio, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(line(1.0, "B = A"));
        JFreeChart chart = chart(title, plot, true);
        return svg(chart, 140 + ratios.size() * 30, id);
    }

    /** A bar of ours: red when a zero-copy row was copied, hatched (pale under lines) when noisy. */
    private static IntervalBars.Mark ours(String idPrefix, SpeedupRow r, Interval whisker) {
        String cssClass = (idPrefix.equals("bar-") ? "bar-mark" : "speedup-mark") + (r.noisy() ? " noisy" : "");
        Color colour = r.copiedZeroCopy() ? COPIED : OURS;
        if (r.noisy()) {
            return new IntervalBars.Mark(idPrefix + r.no(), cssClass, whisker,
                    r.copiedZeroCopy() ? PALE_COPIED : PALE_OURS, colour);
        }
        return new IntervalBars.Mark(idPrefix + r.no(), cssClass, whisker, colour, null);
    }

    /**
     * "7  io_uring zc fixed, flush=false, nr_reqs=8  [NOISY]", with payload and target when a chart spans groups,
     * and each mark of the row.
     */
    private static String category(SpeedupRow r, boolean withGroup) {
        return r.no() + "  " + r.test() + (withGroup ? " (" + r.row().payload() + " B, " + r.row().target()
                + ")" : "") + Mark.of(r).stream().map(m -> "  [" + m.word() + "]").collect(Collectors.joining());
    }

    /**
     * A ratio's name with the marks of its two rows, "name  [A: NOISY]  [B: NOISY COPIED]": a B/A is no surer than
     * either row.
     */
    static String marked(String name, SpeedupRow a, SpeedupRow b) {
        return name + side("A", a) + side("B", b);
    }

    private static String side(String which, SpeedupRow r) {
        List<Mark> marks = Mark.of(r);
        return marks.isEmpty() ? "" : "  [" + which + ":" + Mark.suffix(marks) + "]";
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double number(String s) {
        try {
            return finite(Double.parseDouble(s));
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
