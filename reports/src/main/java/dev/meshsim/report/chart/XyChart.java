package dev.meshsim.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A chart over a numeric x axis, built up and then rendered to SVG: lines, or stacked areas (counts
 * by response code over time), a shaded band (a confidence interval), a horizontal threshold, vertical
 * markers (timeline actions) and shaded x intervals (failure windows).
 *
 * <pre>{@code
 * String svg = new XyChart("Throughput vs connections", "connections", "req/s")
 *     .line("throughput", x, y)
 *     .band("95% interval", x, low, high)
 *     .threshold("SLO", 200)
 *     .svg("knee", 720, 300);
 * }</pre>
 */
public final class XyChart {
  private record Line(String name, double[] x, double[] y, Color color) {}

  private record Band(String name, double[] x, double[] low, double[] high) {}

  private record Marker(double x, String label) {}

  private record Shade(double from, double to) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Line> lines = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();
  private final List<Shade> shades = new ArrayList<>();
  private Band band;
  private String thresholdLabel;
  private double threshold = Double.NaN;
  private boolean stacked;
  private boolean points;
  private boolean logY;
  private double yMin = Double.NaN;
  private double yMax = Double.NaN;
  private double xMin = Double.NaN;
  private double xMax = Double.NaN;

  public XyChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** A line (or, when {@link #stacked()}, an area) with the next palette colour. */
  public XyChart line(String name, double[] x, double[] y) {
    return line(name, x, y, ChartTheme.color(lines.size()));
  }

  /** A line in the given colour. */
  public XyChart line(String name, double[] x, double[] y, Color color) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y values");
    }
    lines.add(new Line(name, x.clone(), y.clone(), color));
    return this;
  }

  /** A shaded band between {@code low} and {@code high}, drawn under the lines. */
  public XyChart band(String name, double[] x, double[] low, double[] high) {
    if (x.length != low.length || x.length != high.length) {
      throw new IllegalArgumentException(name + ": band arrays differ in length");
    }
    band = new Band(name, x.clone(), low.clone(), high.clone());
    return this;
  }

  /** A dashed horizontal line at {@code y}. */
  public XyChart threshold(String label, double y) {
    thresholdLabel = label;
    threshold = y;
    return this;
  }

  /** A vertical line at {@code x} with a label at its top. */
  public XyChart marker(double x, String label) {
    markers.add(new Marker(x, label));
    return this;
  }

  /** A shaded stretch of the x axis. */
  public XyChart shade(double from, double to) {
    shades.add(new Shade(from, Math.max(from, to)));
    return this;
  }

  /** Draws the lines as areas stacked on each other. */
  public XyChart stacked() {
    stacked = true;
    return this;
  }

  /** Draws each value as a dot, not joined (events such as pushes, rather than a series over time). */
  public XyChart points() {
    points = true;
    return this;
  }

  /** A logarithmic y axis (all y values must be positive). */
  public XyChart logY() {
    logY = true;
    return this;
  }

  public XyChart yRange(double min, double max) {
    yMin = min;
    yMax = max;
    return this;
  }

  public XyChart xRange(double min, double max) {
    xMin = min;
    xMax = max;
    return this;
  }

  /** The chart as an inline {@code <svg>} element; {@code id} must be unique on the page. */
  public String svg(String id, int width, int height) {
    return SvgExport.svg(build(), width, height, id);
  }

  JFreeChart build() {
    NumberAxis x = new NumberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    x.setAutoRangeStickyZero(false);
    if (!Double.isNaN(xMin)) {
      x.setRange(xMin, xMax);
    }
    ValueAxis y = yAxis();
    XYPlot plot = new XYPlot(null, x, y, null);
    int index = 0;
    if (band != null) {
      plot.setDataset(index, bandData());
      DeviationRenderer r = new DeviationRenderer(true, false);
      r.setSeriesPaint(0, ChartTheme.color(5));
      r.setSeriesFillPaint(0, ChartTheme.color(5));
      r.setAlpha(0.1875f);
      plot.setRenderer(index++, r);
    }
    if (!lines.isEmpty()) {
      plot.setDataset(index, stacked ? stackedData() : lineData());
      plot.setRenderer(index, stacked ? areaRenderer() : lineRenderer());
    }
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    decorate(plot);
    JFreeChart chart = new JFreeChart(title, ChartTheme.TITLE, plot, lines.size() + (band == null ? 0 : 1) > 1);
    ChartTheme.apply(chart);
    return chart;
  }

  private ValueAxis yAxis() {
    ValueAxis y;
    if (logY) {
      LogAxis log = new LogAxis(yLabel);
      log.setSmallestValue(1e-3);
      log.setNumberFormatOverride(new java.text.DecimalFormat("0.###",
          java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
      y = log;
    } else {
      NumberAxis n = new NumberAxis(yLabel);
      n.setAutoRangeIncludesZero(true);
      n.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
          java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
      y = n;
    }
    if (!Double.isNaN(yMin)) {
      y.setRange(yMin, yMax);
    }
    return y;
  }

  private XYSeriesCollection lineData() {
    XYSeriesCollection data = new XYSeriesCollection();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      XYSeries s = new XYSeries(uniqueKey(l.name(), i), false, true);
      for (int j = 0; j < l.x().length; j++) {
        if (!logY || l.y()[j] > 0) {
          s.add(l.x()[j], l.y()[j], false);
        }
      }
      data.addSeries(s);
    }
    return data;
  }

  private DefaultTableXYDataset stackedData() {
    DefaultTableXYDataset data = new DefaultTableXYDataset();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      XYSeries s = new XYSeries(uniqueKey(l.name(), i), false, false);
      for (int j = 0; j < l.x().length; j++) {
        s.add(l.x()[j], l.y()[j], false);
      }
      data.addSeries(s);
    }
    return data;
  }

  /** Series keys must differ; a name repeated (two loads spelt alike) gets a suffix. */
  private String uniqueKey(String name, int i) {
    for (int j = 0; j < i; j++) {
      if (lines.get(j).name().equals(name)) {
        return name + " (" + (i + 1) + ")";
      }
    }
    return name;
  }

  private YIntervalSeriesCollection bandData() {
    YIntervalSeries s = new YIntervalSeries(band.name());
    for (int j = 0; j < band.x().length; j++) {
      double mid = (band.low()[j] + band.high()[j]) / 2;
      s.add(band.x()[j], mid, band.low()[j], band.high()[j]);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(s);
    return data;
  }

  private XYLineAndShapeRenderer lineRenderer() {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(!points, points);
    r.setDrawSeriesLineAsPath(true); // one <path> per line, not one <line> per segment
    for (int i = 0; i < lines.size(); i++) {
      r.setSeriesPaint(i, lines.get(i).color());
      r.setSeriesStroke(i, ChartTheme.line(1.5f));
      r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
    }
    return r;
  }

  private StackedXYAreaRenderer2 areaRenderer() {
    StackedXYAreaRenderer2 r = new StackedXYAreaRenderer2();
    for (int i = 0; i < lines.size(); i++) {
      r.setSeriesPaint(i, lines.get(i).color());
    }
    return r;
  }

  private void decorate(XYPlot plot) {
    for (Shade s : shades) {
      IntervalMarker m = new IntervalMarker(s.from(), s.to());
      m.setPaint(ChartTheme.SHADE);
      m.setAlpha(0.09375f);
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
    for (Marker mk : markers) {
      ValueMarker m = new ValueMarker(mk.x(), ChartTheme.MARKER, ChartTheme.line(1f));
      m.setLabel(mk.label());
      m.setLabelFont(ChartTheme.TICK);
      m.setLabelPaint(ChartTheme.MARKER);
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      plot.addDomainMarker(m, Layer.FOREGROUND);
    }
    if (!Double.isNaN(threshold)) {
      ValueMarker m = new ValueMarker(threshold, ChartTheme.THRESHOLD, new java.awt.BasicStroke(1.25f,
          java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      m.setLabel(thresholdLabel);
      m.setLabelFont(ChartTheme.TICK);
      m.setLabelPaint(ChartTheme.THRESHOLD);
      m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      plot.addRangeMarker(m, Layer.FOREGROUND);
    }
  }
}
