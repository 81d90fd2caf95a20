package zcbench.analysis.report;

import static zcbench.analysis.report.ChartStyle.PALETTE;
import static zcbench.analysis.report.ChartStyle.chart;
import static zcbench.analysis.report.ChartStyle.line;
import static zcbench.analysis.report.ChartStyle.styled;
import static zcbench.analysis.report.ChartStyle.svg;

import java.awt.BasicStroke;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import zcbench.analysis.trials.Trial;
import zcbench.analysis.trials.Trials;

/**
 * Each row's forks against the time they ran (trials.csv), each in percent of its row's mean, so that rows of
 * any speed share one axis and a machine that drifts shows as lines that lean the same way.
 */
final class DriftChart {
    private static final double SECONDS_PER_MINUTE = 60;

    private DriftChart() {
    }

    /** The chart, or empty when no row has two forks. */
    static Optional<String> of(Trials trials, String id) {
        Instant zero = trials.first();
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<Trial>> row : trials.byRow().entrySet()) {
            List<Trial> forks = row.getValue();
            double mean = forks.stream().mapToDouble(Trial::mbS).average().orElse(Double.NaN);
            if (forks.size() < 2 || !(mean > 0)) {
                continue;
            }
            XYSeries series = new XYSeries(row.getKey(), false);
            for (Trial t : forks) {
                series.add(Duration.between(zero, t.middle()).toMillis() / 1000.0 / SECONDS_PER_MINUTE,
                        100 * t.mbS() / mean);
            }
            data.addSeries(series);
        }
        if (data.getSeriesCount() == 0) {
            return Optional.empty();
        }
        NumberAxis x = styled(new NumberAxis("minutes since the run's first fork"));
        NumberAxis y = styled(new NumberAxis("fork's MB/s, % of its row's mean"));
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE.get(s % PALETTE.size()));
            renderer.setSeriesStroke(s, new BasicStroke(1.5f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        // The axis names the line: a label beside it would run past the plot's right edge.
        plot.addRangeMarker(line(100, ""));
        JFreeChart chart = chart("Each row's forks against time (trials.csv)", plot, true);
        return Optional.of(svg(chart, 380 + 18 * data.getSeriesCount() / 3, id));
    }
}
