package zcbench.analysis.report;

import static zcbench.analysis.report.ChartStyle.PALETTE;
import static zcbench.analysis.report.ChartStyle.chart;
import static zcbench.analysis.report.ChartStyle.styled;
import static zcbench.analysis.report.ChartStyle.svg;

import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Optional;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import zcbench.analysis.latency.LatencyHistograms;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;

/**
 * The notification-latency histograms of a run's rows with latency=true, as percentile plots: the time from a
 * send's completion to its notification against the percentile, on the usual HdrHistogram scale where each
 * step right is a nine more (90%, 99%, 99.9%).
 */
final class LatencyChart {
    /** Points per halving of the remaining share, as HdrHistogram's own percentile output. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double NANOS_PER_MICRO = 1e3;

    private LatencyChart() {
    }

    /** The chart, or empty when no row has a histogram. */
    static Optional<String> of(SpeedupTable table, String id) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SpeedupRow r : table.rows()) {
            Optional<Histogram> h = LatencyHistograms.of(table.run().dir(), r.row().key());
            if (h.isEmpty() || h.get().getTotalCount() == 0) {
                continue;
            }
            XYSeries series = new XYSeries(r.no() + " " + r.test());
            for (HistogramIterationValue v : h.get().percentiles(TICKS_PER_HALF_DISTANCE)) {
                double share = v.getPercentileLevelIteratedTo() / 100;
                if (share < 1) {
                    series.addOrUpdate(1 / (1 - share), v.getValueIteratedTo() / NANOS_PER_MICRO);
                }
            }
            data.addSeries(series);
        }
        if (data.getSeriesCount() == 0) {
            return Optional.empty();
        }
        LogAxis x = styled(new LogAxis("percentile"));
        x.setBase(10);
        x.setNumberFormatOverride(new PercentileFormat());
        // One tick per decade of 1/(1-q): 0%, 90%, 99%, 99.9%, ...
        x.setTickUnit(new NumberTickUnit(1.0));
        double right = 1;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            right = Math.max(right, data.getSeries(i).getMaxX());
        }
        x.setRange(1, Math.max(10, right * 1.2));
        NumberAxis y = styled(new NumberAxis("µs from send completion to notification"));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE.get(s % PALETTE.size()));
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = chart("Notification latency (latency=true)", plot, true);
        return Optional.of(svg(chart, 360, id));
    }

    /** An x of 1/(1-q) shown as the percentile q: 10 is 90%, 1000 is 99.9%. */
    private static final class PercentileFormat extends NumberFormat {
        private static final DecimalFormat PERCENT = new DecimalFormat("0.####");

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(PERCENT.format(100 * (1 - 1 / number))).append('%');
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("a chart's tick labels are never parsed");
        }
    }
}
