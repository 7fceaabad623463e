package dev.meshsim.report.chart;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * fortio's response-time histogram: a bar per latency range ("Histogram: Count") and the
 * "Cumulative %" line on a second axis (fortio {@code ui/static/js/fortio_chart.js}).
 */
public final class LatencyHistogramChart {
  /** One bar: requests with a latency in {@code [fromMs, toMs)}. */
  public record Bar(double fromMs, double toMs, long count) {}

  private LatencyHistogramChart() {}

  /** The chart as an inline SVG element. */
  public static String svg(String title, List<Bar> bars, String id, int width, int height) {
    return SvgExport.svg(build(title, bars), width, height, id);
  }

  static JFreeChart build(String title, List<Bar> bars) {
    XYIntervalSeries counts = new XYIntervalSeries("Histogram: Count");
    XYSeries cumulative = new XYSeries("Cumulative %", false, true);
    long total = bars.stream().mapToLong(Bar::count).sum();
    long sum = 0;
    if (!bars.isEmpty()) {
      cumulative.add(bars.get(0).fromMs(), 0.0);
    }
    for (Bar b : bars) {
      counts.add((b.fromMs() + b.toMs()) / 2, b.fromMs(), b.toMs(), b.count(), b.count(), b.count());
      sum += b.count();
      cumulative.add(b.toMs(), total == 0 ? 0 : 100.0 * sum / total);
    }
    XYIntervalSeriesCollection barData = new XYIntervalSeriesCollection();
    barData.addSeries(counts);
    NumberAxis x = new NumberAxis("latency (ms)");
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis("count");
    XYBarRenderer barRenderer = new XYBarRenderer(0.05);
    barRenderer.setBarPainter(new StandardXYBarPainter());
    barRenderer.setShadowVisible(false);
    barRenderer.setSeriesPaint(0, new Color(0x7EB26D));
    XYPlot plot = new XYPlot(barData, x, y, barRenderer);
    NumberAxis percent = new NumberAxis("cumulative %");
    percent.setRange(0, 100);
    plot.setRangeAxis(1, percent);
    plot.setDataset(1, new XYSeriesCollection(cumulative));
    plot.mapDatasetToRangeAxis(1, 1);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setDrawSeriesLineAsPath(true);
    line.setSeriesPaint(0, new Color(0x1F78C1));
    line.setSeriesStroke(0, ChartTheme.line(1.5f));
    plot.setRenderer(1, line);
    JFreeChart chart = new JFreeChart(title, ChartTheme.TITLE, plot, true);
    ChartTheme.apply(chart);
    return chart;
  }
}
