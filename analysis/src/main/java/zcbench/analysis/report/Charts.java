package zcbench.analysis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import zcbench.analysis.compare.ComparisonRow;
import zcbench.analysis.compare.Verdict;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;

/**
 * The report's charts, drawn by JFreeChart into inline SVG. Each data mark sits in an SVG group with a
 * class (bar-mark, rfc-mark, ratio-mark) and the row's id, so that the page can be checked and styled.
 */
final class Charts {
    static {
        // Charts need fonts but no display; reports are written on servers and in CI.
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color OURS = new Color(0x2b6cb0);
    private static final Color RFC = new Color(0xa0aec0);
    private static final Color COPIED = new Color(0xc53030);
    private static final Color FASTER = new Color(0x2f855a);
    private static final Color NEUTRAL = new Color(0x718096);
    /*
     * Labels are laid out with this font's metrics here and drawn with the reader's fonts there: name one
     * both sides have (DejaVu Sans; Verdana has near metrics), or right-aligned labels come out ragged.
     */
    private static final String FAMILY = "DejaVu Sans";
    private static final String SVG_FAMILY = "\"DejaVu Sans\", Verdana, sans-serif";
    private static final Font LABEL_FONT = new Font(FAMILY, Font.PLAIN, 13);
    private static final Font SMALL_FONT = new Font(FAMILY, Font.PLAIN, 11);
    private static final Font TITLE_FONT = new Font(FAMILY, Font.BOLD, 15);
    private static final int WIDTH = 1100;
    /** Okabe-Ito colours, readable on white and by colour-blind readers (its yellow left out). */
    private static final List<Color> PALETTE = List.of(new Color(0x0072b2), new Color(0xe69f00),
            new Color(0x009e73), new Color(0xd55e00), new Color(0xcc79a7), new Color(0x56b4e9), Color.BLACK);

    private Charts() {
    }

    /** MB/s per row of one payload and target, with error bars, the RFC's figure beside ours where one maps. */
    static String mbS(SpeedupTable.Group group, String id) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        boolean anyRfc = group.rows().stream().anyMatch(r -> Double.isFinite(r.rfcMbS()));
        for (SpeedupRow r : group.rows()) {
            String category = r.no() + "  " + r.test() + (r.copiedZeroCopy() ? "  [COPIED]" : "")
                    + (Double.isNaN(r.mbS().error()) ? "  [no interval]" : "");
            data.add(finite(r.mbS().score()), finite(r.mbS().error()), "zcbench", category);
            if (anyRfc) {
                data.add(finite(r.rfcMbS()), null, "RFC", category);
            }
        }
        StatisticalBarRenderer renderer = new TaggedBars(group.rows());
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, OURS);
        renderer.setSeriesPaint(1, RFC);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(SMALL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE9,
                TextAnchor.CENTER_LEFT));
        renderer.setSeriesItemLabelPaint(0, Color.WHITE);
        renderer.setSeriesItemLabelPaint(1, Color.BLACK);
        CategoryAxis rows = styled(new CategoryAxis());
        rows.setMaximumCategoryLabelWidthRatio(0.45f);
        rows.setCategoryMargin(0.2);
        NumberAxis mbS = styled(new NumberAxis("MB/s (MiB/s); error bars: 99.9% interval"));
        CategoryPlot plot = new CategoryPlot(data, rows, mbS, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = chart(group.title() + ": MB/s per row" + (anyRfc ? ", the RFC's figure beside" : ""),
                plot, anyRfc);
        int perRow = anyRfc ? 46 : 28;
        return svg(chart, 130 + group.rows().size() * perRow, id);
    }

    /** MB/s against payload, one line per test (and target) measured at more than one payload; empty if none. */
    static Optional<String> mbSByPayload(SpeedupTable table, String id) {
        boolean severalTargets = table.rows().stream().map(r -> r.params().target()).distinct().count() > 1;
        Map<String, List<SpeedupRow>> series = new LinkedHashMap<>();
        for (SpeedupRow r : table.rows()) {
            String name = r.test() + (severalTargets ? ", " + r.params().target() : "");
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        series.values().removeIf(rows -> rows.size() < 2);
        if (table.payloads().size() < 2 || series.isEmpty()) {
            return Optional.empty();
        }
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        table.payloads().forEach(p -> series.forEach((name, rows) -> {
            SpeedupRow r = rows.stream().filter(x -> x.params().payload() == p).findFirst().orElse(null);
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

    /** B/A per matched row with its interval, a line at 1 (no change); colour by verdict. */
    static String ratios(List<ComparisonRow> rows, String title, String id) {
        Map<Verdict, YIntervalSeries> byVerdict = new LinkedHashMap<>();
        Map<Verdict, List<String>> ids = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (ComparisonRow r : rows) {
            int x = labels.size();
            labels.add((x + 1) + "  " + r.label());
            boolean hasInterval = Double.isFinite(r.ratioLow()) && Double.isFinite(r.ratioHigh());
            byVerdict.computeIfAbsent(r.verdict(), v -> new YIntervalSeries(v.text())).add(x, r.ratio(),
                    hasInterval ? r.ratioLow() : r.ratio(), hasInterval ? r.ratioHigh() : r.ratio());
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
        double top = rows.stream().mapToDouble(r -> Math.max(r.ratio(), r.ratioHigh())).filter(Double::isFinite)
                .max().orElse(1);
        ratio.setRange(0, Math.max(top, 1) * 1.08); // always show the line at 1
        XYPlot plot = new XYPlot(data, rowAxis, ratio, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ValueMarker same = new ValueMarker(1.0, Color.BLACK, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        same.setLabel("B = A");
        same.setLabelFont(SMALL_FONT);
        same.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        same.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        same.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(same);
        JFreeChart chart = chart(title, plot, true);
        return svg(chart, 140 + rows.size() * 30, id);
    }

    private static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, TITLE_FONT, plot, legend);
        chart.addSubtitle(0, new TextTitle(title, TITLE_FONT));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 28)); // room for the last tick label
        plot.setBackgroundPaint(new Color(0xf7fafc));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL_FONT);
        }
        return chart;
    }

    private static String svg(JFreeChart chart, int height, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        g2.setDefsKeyPrefix(id + "-"); // stable ids, so that reports of the same run are identical
        g2.setFontFunction(family -> SVG_FAMILY);
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
        return g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), null, null);
    }

    private static <A extends Axis> A styled(A axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(axis instanceof NumberAxis ? SMALL_FONT : LABEL_FONT);
        return axis;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void beginGroup(Graphics2D g2, String cssClass, String id) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", id);
        attributes.put("class", cssClass);
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, attributes);
    }

    private static void endGroup(Graphics2D g2) {
        g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
    }

    /** Bars in groups "bar-mark" (ours) and "rfc-mark"; a zero-copy row that was copied is drawn red. */
    private static final class TaggedBars extends StatisticalBarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<SpeedupRow> rows;

        TaggedBars(List<SpeedupRow> rows) {
            this.rows = rows;
        }

        @Override
        public Paint getItemPaint(int series, int column) {
            return series == 0 && rows.get(column).copiedZeroCopy() ? COPIED : super.getItemPaint(series, column);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset data, int series,
                int column, int pass) {
            if (data.getValue(series, column) == null) {
                return;
            }
            int no = rows.get(column).no();
            beginGroup(g2, series == 0 ? "bar-mark" : "rfc-mark", (series == 0 ? "bar-" : "rfc-") + no);
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, data, series, column, pass);
            endGroup(g2);
        }
    }

    /** Intervals in groups "ratio-mark" with the row's id; the points drawn over them are not tagged. */
    private static final class TaggedErrors extends XYErrorRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<List<String>> ids;

        TaggedErrors(List<List<String>> ids) {
            this.ids = ids;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset data, int series, int item,
                CrosshairState crosshair, int pass) {
            boolean tagged = pass == 0;
            if (tagged) {
                beginGroup(g2, "ratio-mark", ids.get(series).get(item));
            }
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, data, series, item, crosshair,
                    pass);
            if (tagged) {
                endGroup(g2);
            }
        }
    }
}
