package zcbench.analysis.report;

import java.awt.Graphics2D;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.svg.SVGHints;

/** An SVG group with an id and a class around what is drawn between {@link #begin} and {@link #end}. */
final class SvgGroup {
    private SvgGroup() {
    }

    static void begin(Graphics2D g2, String cssClass, String id) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", id);
        attributes.put("class", cssClass);
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, attributes);
    }

    static void end(Graphics2D g2) {
        g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
    }
}
