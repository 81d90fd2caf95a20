package zcbench.analysis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.svg.SVGHints;
import zcbench.analysis.stats.Interval;

/**
 * Bars with asymmetric whiskers (bootstrap intervals are not symmetric), hatched when the row is noisy, red when
 * a zero-copy row was copied. Each bar sits in an SVG group with a class and an id ({@link Mark}) so that the
 * page can be checked and styled.
 */
final class IntervalBars extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private static final BasicStroke WHISKER = new BasicStroke(1.5f);
    private static final BasicStroke HATCH = new BasicStroke(2f);
    private static final double HATCH_GAP = 7;
    private static final double CAP = 4;

    /**
     * How one bar is drawn.
     *
     * @param cssClass the SVG group's class, e.g. "bar-mark" or "bar-mark noisy"
     * @param interval its whisker, or {@link Interval#NONE}
     * @param paint its fill, or null for the series' colour
     * @param hatch the colour of diagonal lines over the fill (its label is then black), or null for none
     */
    record Mark(String id, String cssClass, Interval interval, Paint paint, Paint hatch) {
    }

    private final transient Map<String, Mark> marks = new LinkedHashMap<>();
    private transient RectangularShape lastBar;

    IntervalBars() {
        setBarPainter(new Painter());
        setShadowVisible(false);
        setDrawBarOutline(false);
    }

    void mark(int series, int column, Mark mark) {
        marks.put(series + "/" + column, mark);
    }

    private Mark markOf(int series, int column) {
        return marks.get(series + "/" + column);
    }

    @Override
    public Paint getItemPaint(int series, int column) {
        Mark m = markOf(series, column);
        return m != null && m.paint() != null ? m.paint() : super.getItemPaint(series, column);
    }

    @Override
    public Paint getItemLabelPaint(int series, int column) {
        Mark m = markOf(series, column);
        return m != null && m.hatch() != null ? Color.BLACK : super.getItemLabelPaint(series, column);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset data, int series, int column, int pass) {
        Mark m = markOf(series, column);
        if (data.getValue(series, column) == null || m == null) {
            return;
        }
        Map<String, String> group = new LinkedHashMap<>();
        group.put("id", m.id());
        group.put("class", m.cssClass());
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
        lastBar = null;
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, data, series, column, pass);
        if (lastBar != null && m.interval().exists()) {
            whisker(g2, plot, rangeAxis, dataArea, m.interval());
        }
        g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
    }

    private void whisker(Graphics2D g2, CategoryPlot plot, ValueAxis axis, Rectangle2D area, Interval i) {
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = axis.valueToJava2D(i.low(), area, edge);
        double high = axis.valueToJava2D(i.high(), area, edge);
        g2.setPaint(Color.BLACK);
        g2.setStroke(WHISKER);
        if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
            double y = lastBar.getCenterY();
            g2.draw(new Line2D.Double(low, y, high, y));
            g2.draw(new Line2D.Double(low, y - CAP, low, y + CAP));
            g2.draw(new Line2D.Double(high, y - CAP, high, y + CAP));
        } else {
            double x = lastBar.getCenterX();
            g2.draw(new Line2D.Double(x, low, x, high));
            g2.draw(new Line2D.Double(x - CAP, low, x + CAP, low));
            g2.draw(new Line2D.Double(x - CAP, high, x + CAP, high));
        }
    }

    /** Paints the bar as usual, remembers where it went (for the whisker), and hatches it when asked. */
    private final class Painter extends StandardBarPainter {
        private static final long serialVersionUID = 1L;

        @Override
        public void paintBar(Graphics2D g2, BarRenderer renderer, int row, int column, RectangularShape bar,
                RectangleEdge base) {
            super.paintBar(g2, renderer, row, column, bar, base);
            lastBar = (RectangularShape) bar.clone();
            Mark m = markOf(row, column);
            if (m != null && m.hatch() != null) {
                hatch(g2, bar.getBounds2D(), m.hatch());
            }
        }

        private void hatch(Graphics2D g2, Rectangle2D r, Paint lines) {
            Shape clip = g2.getClip();
            g2.clip(r);
            g2.setPaint(lines);
            g2.setStroke(HATCH);
            for (double x = r.getMinX() - r.getHeight(); x < r.getMaxX(); x += HATCH_GAP) {
                g2.draw(new Line2D.Double(x, r.getMaxY(), x + r.getHeight(), r.getMinY()));
            }
            g2.setClip(clip);
        }
    }
}
