package zcbench.analysis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * How every chart of the reports looks: colours, fonts, axes, bars, the dashed reference line, and the SVG it
 * is drawn into. Reached only through {@link Charts}, whose initialisation makes AWT headless before any
 * colour or font here is made.
 */
final class ChartStyle {
    static final Color OURS = new Color(0x2b6cb0);
    static final Color RFC = new Color(0xa0aec0);
    static final Color COPIED = new Color(0xc53030);
    /** Noisy bars: a pale fill under lines of the bar's own colour, so that the label stays readable. */
    static final Color PALE_OURS = new Color(0xbee3f8);
    static final Color PALE_COPIED = new Color(0xfed7d7);
    static final Color FASTER = new Color(0x2f855a);
    static final Color NEUTRAL = new Color(0x718096);
    static final Color USER = new Color(0x56b4e9);
    static final Color SYSTEM = new Color(0xd55e00);
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
    /** The share of the chart's width a row's label may take; a longer one wraps. */
    private static final float LABEL_WIDTH_RATIO = 0.45f;
    /** Lines a row's label may wrap to: JFreeChart cuts the last one short ("...") beyond them. */
    private static final int LABEL_LINES = 3;
    /** Height of one line of a row's label, and what a row needs beside its label's lines. */
    private static final int LABEL_LINE_HEIGHT = 16;
    private static final int ROW_MARGIN = 10;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);
    /** Okabe-Ito colours, readable on white and by colour-blind readers, then two greys. */
    static final List<Color> PALETTE = List.of(new Color(0x0072b2), new Color(0xe69f00),
            new Color(0x009e73), new Color(0xd55e00), new Color(0xcc79a7), new Color(0x56b4e9),
            new Color(0xf0e442), Color.BLACK, new Color(0x999999), new Color(0xcccccc));

    private ChartStyle() {
    }

    static CategoryPlot categoryPlot(CategoryDataset data, NumberAxis axis,
            CategoryItemRenderer renderer) {
        CategoryAxis rows = styled(new CategoryAxis());
        rows.setMaximumCategoryLabelWidthRatio(LABEL_WIDTH_RATIO);
        rows.setMaximumCategoryLabelLines(LABEL_LINES);
        rows.setCategoryMargin(0.2);
        CategoryPlot plot = new CategoryPlot(data, rows, axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return plot;
    }

    /** Bars of ours and the RFC's, each labelled with its value at its base, inside the bar. */
    static void style(IntervalBars renderer, NumberFormat format) {
        renderer.setSeriesPaint(0, OURS);
        renderer.setSeriesPaint(1, RFC);
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(SMALL_FONT);
        ItemLabelPosition atBase = new ItemLabelPosition(ItemLabelAnchor.INSIDE9, TextAnchor.CENTER_LEFT);
        renderer.setDefaultPositiveItemLabelPosition(atBase);
        // BarRenderer drops a label that does not fit inside its bar; these bars are thin, so draw it anyway.
        renderer.setPositiveItemLabelPositionFallback(atBase);
        renderer.setSeriesItemLabelPaint(0, Color.WHITE);
        renderer.setSeriesItemLabelPaint(1, Color.BLACK);
    }

    static void stackStyle(StackedBarRenderer renderer, NumberFormat format) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.9);
        renderer.setDefaultItemLabelGenerator(new BigEnough(format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(SMALL_FONT);
        renderer.setDefaultItemLabelPaint(Color.BLACK);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER,
                TextAnchor.CENTER));
    }

    /**
     * Pixels per row of a chart of {@code data}'s rows: {@code oneLine}, or more when a row's label wraps, so that
     * labels of neighbouring rows never overlap.
     */
    static int rowHeight(CategoryDataset data, int oneLine) {
        double longest = WIDTH * LABEL_WIDTH_RATIO;
        int lines = 1;
        for (Object row : data.getColumnKeys()) {
            double width = LABEL_FONT.getStringBounds(row.toString(), MEASURE).getWidth();
            // A wrapped line breaks between words: give each line a fifth of slack.
            lines = Math.max(lines, (int) Math.min(LABEL_LINES, Math.ceil(width / (0.8 * longest))));
        }
        return Math.max(oneLine, lines * LABEL_LINE_HEIGHT + ROW_MARGIN);
    }

    static ValueMarker line(double at, String label) {
        ValueMarker marker = new ValueMarker(at, Color.BLACK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(SMALL_FONT);
        marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        // Left of the line: at the axis' right end, text right of it would be cut off.
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }

    static JFreeChart chart(String title, Plot plot, boolean legend) {
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

    static String svg(JFreeChart chart, int height, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        g2.setDefsKeyPrefix(id + "-"); // stable ids, so that reports of the same run are identical
        g2.setFontFunction(family -> SVG_FAMILY);
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
        return g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), null, null);
    }

    static <A extends Axis> A styled(A axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(axis instanceof NumberAxis ? SMALL_FONT : LABEL_FONT);
        return axis;
    }
}
