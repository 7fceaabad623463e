package dev.meshsim.report.chart;

import java.awt.Rectangle;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * JFreeChart to an SVG element, the same bytes every time. JFreeSVG would otherwise prefix its
 * clip-path and gradient ids with {@code System.nanoTime()}: here the caller names them, which also
 * keeps ids unique when many charts share one page. Coordinates keep one decimal, which is below a
 * pixel and keeps pages small.
 */
public final class SvgExport {
  private SvgExport() {}

  /**
   * The chart as an {@code <svg>} element sized {@code width} x {@code height}, with element ids
   * starting {@code id}. {@code id} must be unique on the page and a valid XML name.
   */
  public static String svg(JFreeChart chart, int width, int height, String id) {
    if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("not a valid id: " + id);
    }
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    g.setGeomDoubleConverter(SvgExport::oneDecimal);
    g.setTransformDoubleConverter(SvgExport::oneDecimal);
    chart.draw(g, new Rectangle(0, 0, width, height));
    // A viewBox lets the page scale the chart to its panel instead of cropping it.
    return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
  }

  private static String oneDecimal(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
