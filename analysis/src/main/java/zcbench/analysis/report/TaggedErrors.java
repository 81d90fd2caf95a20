package zcbench.analysis.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/** Intervals in groups of a class ("ratio-mark" unless named) with the row's id; the points over them are not. */
final class TaggedErrors extends XYErrorRenderer {
    private static final long serialVersionUID = 1L;
    private final String cssClass;
    private final transient List<List<String>> ids;

    TaggedErrors(List<List<String>> ids) {
        this("ratio-mark", ids);
    }

    TaggedErrors(String cssClass, List<List<String>> ids) {
        this.cssClass = cssClass;
        this.ids = ids;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset data, int series, int item,
            CrosshairState crosshair, int pass) {
        boolean tagged = pass == 0;
        if (tagged) {
            SvgGroup.begin(g2, cssClass, ids.get(series).get(item));
        }
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, data, series, item, crosshair,
                pass);
        if (tagged) {
            SvgGroup.end(g2);
        }
    }
}
