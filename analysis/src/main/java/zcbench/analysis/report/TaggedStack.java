package zcbench.analysis.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.CategoryDataset;

/** Stacked segments in groups of the given class, id "&lt;row id&gt;-&lt;series&gt;", one per segment. */
final class TaggedStack extends StackedBarRenderer {
    private static final long serialVersionUID = 1L;
    private final String cssClass;
    private final transient List<String> ids;

    TaggedStack(String cssClass, List<String> ids) {
        this.cssClass = cssClass;
        this.ids = ids;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
            CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset data, int series,
            int column, int pass) {
        boolean tagged = pass == 0;
        if (tagged) {
            SvgGroup.begin(g2, cssClass, ids.get(column) + "-" + series);
        }
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, data, series, column, pass);
        if (tagged) {
            SvgGroup.end(g2);
        }
    }
}
