package dev.meshsim.report.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * HdrHistogram's percentile plot: latency against percentile on a logarithmic {@code 1/(1-p)} axis,
 * so 90%, 99%, 99.9% and 99.99% are evenly spaced, as the {@code .hgrm} plotter draws it.
 */
public final class PercentileChart {
  /** One curve: percentiles in [0, 100) and the latency at each, in ms. */
  public record Curve(String name, double[] percentiles, double[] millis) {}

  private PercentileChart() {}

  public static String svg(String title, java.util.List<Curve> curves, String id, int width, int height) {
    return SvgExport.svg(build(title, curves), width, height, id);
  }

  static JFreeChart build(String title, java.util.List<Curve> curves) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Curve c : curves) {
      XYSeries s = new XYSeries(c.name(), false, true);
      for (int i = 0; i < c.percentiles().length; i++) {
        double p = Math.min(c.percentiles()[i], 99.9999);
        s.add(1 / (1 - p / 100), c.millis()[i], false);
      }
      data.addSeries(s);
    }
    LogAxis x = new LogAxis("percentile");
    x.setBase(10);
    x.setTickUnit(new NumberTickUnit(1));
    x.setNumberFormatOverride(new PercentileFormat());
    x.setSmallestValue(1);
    NumberAxis y = new NumberAxis("latency (ms)");
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < curves.size(); i++) {
      r.setSeriesPaint(i, ChartTheme.color(i));
      r.setSeriesStroke(i, ChartTheme.line(1.5f));
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    JFreeChart chart = new JFreeChart(title, ChartTheme.TITLE, plot, curves.size() > 1);
    ChartTheme.apply(chart);
    return chart;
  }

  /** Labels the 1/(1-p) axis in percent: 1 is 0%, 10 is 90%, 100 is 99%, 1000 is 99.9%. */
  private static final class PercentileFormat extends NumberFormat {
    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
      double p = 100 * (1 - 1 / v);
      String s = String.format(Locale.ROOT, "%.4f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
      return to.append(s).append('%');
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
      return format((double) v, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException("labels only");
    }
  }
}
