package zcbench.analysis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
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
    /** Okabe-Ito colours, readable on white and by colour-blind readers, then two greys. */
    static final List<Color> PALETTE = List.of(new Color(0x0072b2), new Color(0xe69f00),
            new Color(0x009e73), new Color(0xd55e00), new Color(0xcc79a7), new Color(0x56b4e9),
            new Color(0xf0e442), Color.BLACK, new Color(0x999999), new Color(0xcccccc));

    private ChartStyle() {
    }

    static CategoryPlot categoryPlot(CategoryDataset data, NumberAxis axis,
            CategoryItemRenderer renderer) {
        CategoryAxis rows = styled(new CategoryAxis());
        rows.setMaximumCategoryLabelWidthRatio(0.45f);
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

    static ValueMarker line(double at, String label) {
        ValueMarker marker = new ValueMarker(at, Color.BLACK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(SMALL_FONT);
        marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
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
