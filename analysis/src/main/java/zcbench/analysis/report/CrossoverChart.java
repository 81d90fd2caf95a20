package zcbench.analysis.report;

import static zcbench.analysis.report.ChartStyle.PALETTE;
import static zcbench.analysis.report.ChartStyle.chart;
import static zcbench.analysis.report.ChartStyle.line;
import static zcbench.analysis.report.ChartStyle.styled;
import static zcbench.analysis.report.ChartStyle.svg;

import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import zcbench.analysis.crossover.Crossover;
import zcbench.analysis.crossover.CrossoverPoint;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.CpuMetric;

/**
 * The payload sweep: MB/s (with whiskers) and, when the profiler ran, CPU ns per KiB against payload on a log
 * axis, one line per variant of the crossover pairs, and a dashed line at each finite crossover. Each MB/s
 * point sits in an SVG group of class sweep-mark with id sweep-N (N the row's number), each CPU point in one of
 * class sweep-cpu-mark with id sweep-cpu-N.
 */
final class CrossoverChart {
    private CrossoverChart() {
    }

    /** Empty when the run holds no sweep. */
    static Optional<String> of(SpeedupTable table, List<Crossover> crossovers, String id) {
        if (crossovers.isEmpty()) {
            return Optional.empty();
        }
        boolean severalTargets = crossovers.stream().map(Crossover::target).distinct().count() > 1;
        Map<String, TreeSet<Integer>> rowsBySeries = new LinkedHashMap<>();
        for (Crossover c : crossovers) {
            String where = severalTargets ? ", " + c.target() : "";
            for (CrossoverPoint p : c.points()) {
                rowsBySeries.computeIfAbsent(c.zeroCopy() + where, k -> new TreeSet<>()).add(p.zeroCopyNo());
                rowsBySeries.computeIfAbsent(c.copying() + where, k -> new TreeSet<>()).add(p.copyingNo());
            }
        }
        YIntervalSeriesCollection mbS = new YIntervalSeriesCollection();
        YIntervalSeriesCollection cpu = new YIntervalSeriesCollection();
        List<List<String>> ids = new ArrayList<>();
        List<List<String>> cpuIds = new ArrayList<>();
        rowsBySeries.forEach((name, nos) -> {
            YIntervalSeries m = new YIntervalSeries(name);
            YIntervalSeries c = new YIntervalSeries(name);
            List<String> seriesIds = new ArrayList<>();
            List<String> seriesCpuIds = new ArrayList<>();
            for (int no : nos) {
                SpeedupRow r = table.rows().get(no - 1);
                boolean whiskers = Double.isFinite(r.mbS().low()) && Double.isFinite(r.mbS().high());
                m.add(r.row().payload(), r.mbS().score(), whiskers ? r.mbS().low() : r.mbS().score(),
                        whiskers ? r.mbS().high() : r.mbS().score());
                seriesIds.add("sweep-" + no);
                double nsPerKib = r.cpu().getOrDefault(CpuMetric.NS_PER_MIB.id(), Double.NaN) / 1024;
                if (Double.isFinite(nsPerKib)) {
                    c.add(r.row().payload(), nsPerKib, nsPerKib, nsPerKib);
                    seriesCpuIds.add("sweep-cpu-" + no);
                }
            }
            mbS.addSeries(m);
            cpu.addSeries(c);
            ids.add(seriesIds);
            cpuIds.add(seriesCpuIds);
        });
        LogAxis payload = styled(new LogAxis("payload, bytes (log scale)"));
        payload.setBase(2);
        payload.setTickUnit(new NumberTickUnit(1));
        payload.setNumberFormatOverride(new DecimalFormat("0"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(payload);
        // MB/s grows about with the payload: on a linear axis every small payload would sit on the floor.
        LogAxis mbSAxis = styled(new LogAxis("MB/s (MiB/s, log scale); whiskers: 99.9% interval"));
        mbSAxis.setTickUnit(new NumberTickUnit(1));
        mbSAxis.setNumberFormatOverride(new DecimalFormat("0"));
        XYPlot top = new XYPlot(mbS, null, mbSAxis, renderer(new TaggedErrors("sweep-mark", ids),
                rowsBySeries.size()));
        plot.add(top, 3);
        boolean anyCpu = false;
        for (int i = 0; i < cpu.getSeriesCount(); i++) {
            anyCpu |= cpu.getItemCount(i) > 0;
        }
        if (anyCpu) {
            TaggedErrors cpuRenderer = renderer(new TaggedErrors("sweep-cpu-mark", cpuIds), rowsBySeries.size());
            cpuRenderer.setDefaultSeriesVisibleInLegend(false); // the same series as above, in the same colours
            plot.add(new XYPlot(cpu, null, styled(new NumberAxis("CPU ns per KiB sent")), cpuRenderer), 2);
        }
        int marked = 0;
        for (Crossover c : crossovers) {
            if (c.kind() == Crossover.Kind.CROSSES) {
                var marker = line(c.payload(), c.zeroCopy() + (severalTargets ? " (" + c.target() + ")" : "")
                        + " pays from " + Num.fixed(c.payload(), 0) + " B");
                marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                // One line lower for each, so that the labels of close crossovers do not overlap.
                marker.setLabelOffset(new RectangleInsets(4 + 15 * marked++, 4, 4, 4));
                top.addDomainMarker(marker);
            }
        }
        String title = "MB/s" + (anyCpu ? " and CPU ns per KiB" : "") + " against payload; dashed: where each "
                + "zero-copy path starts to pay";
        return Optional.of(svg(chart(title, plot, true), anyCpu ? 720 : 480, id));
    }

    private static TaggedErrors renderer(TaggedErrors renderer, int series) {
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        renderer.setCapLength(6);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return renderer;
    }
}
