package dev.meshsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every chart: the light Grafana panel style Istio's dashboards use, a palette
 * in which success is green and 5xx red, and one font (SansSerif) so text measures alike everywhere.
 */
final class ChartTheme {
  static final Color GRID = new Color(0xE4E7EB);
  static final Color TEXT = new Color(0x333A42);
  static final Color MARKER = new Color(0x6B4FBB);
  static final Color SHADE = new Color(0xE02F44);
  static final Color THRESHOLD = new Color(0xC4162A);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

  /** Series colours in order (Grafana's classic palette). */
  static final Color[] PALETTE = {
    new Color(0x7EB26D), new Color(0xEAB839), new Color(0x6ED0E0), new Color(0xEF843C),
    new Color(0xE24D42), new Color(0x1F78C1), new Color(0xBA43A9), new Color(0x705DA0),
    new Color(0x508642), new Color(0xCCA300), new Color(0x447EBC), new Color(0xC15C17),
  };

  private ChartTheme() {}

  static Color color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /**
   * A round-capped line. Widths and alphas in these charts are binary fractions (1.5, 0.09375 …):
   * JFreeSVG prints them through {@code Double.toString}, whose digits for other floats changed
   * between JDK 17 and 19, and the page must be the same bytes on both.
   */
  static BasicStroke line(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static void apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.getTitle().setFont(TITLE);
    chart.getTitle().setPaint(TEXT);
    chart.setPadding(new RectangleInsets(4, 4, 4, 8));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LABEL);
      legend.setItemPaint(TEXT);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(GRID);
      plot.setRangeGridlinePaint(GRID);
      plot.setOutlineVisible(false);
      plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
      for (int i = 0; i < plot.getDomainAxisCount(); i++) {
        axis(plot.getDomainAxis(i));
      }
      for (int i = 0; i < plot.getRangeAxisCount(); i++) {
        axis(plot.getRangeAxis(i));
      }
    }
  }

  private static void axis(ValueAxis axis) {
    if (axis == null) {
      return;
    }
    // JFreeChart's tick labels would use the default locale ("1,5" in Germany): fix them to ROOT.
    if (axis instanceof org.jfree.chart.axis.NumberAxis n && n.getNumberFormatOverride() == null) {
      n.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
          java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
    }
    axis.setLabelFont(LABEL);
    axis.setLabelPaint(TEXT);
    axis.setTickLabelFont(TICK);
    axis.setTickLabelPaint(TEXT);
    axis.setAxisLinePaint(GRID);
    axis.setTickMarkPaint(GRID);
  }
}
