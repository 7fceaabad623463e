package dev.meshsim.plan.chart;

import dev.meshsim.plan.Estimate;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.PointResult;
import dev.meshsim.plan.SloTerm;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;

/** The knee chart of one SLO term: mean and 95% band against the parameter, with the SLO line. */
public final class KneeChart {
  static final int WIDTH = 760;
  static final int HEIGHT = 420;

  private KneeChart() {}

  /** The chart of term {@code t} of {@code r} as an {@code <svg>} element. */
  public static String svg(PlanResult r, int t) {
    SloTerm term = r.terms().get(t);
    YIntervalSeries series = new YIntervalSeries(term.metric().key() + " mean, 95% interval");
    List<PointResult> points = new ArrayList<>(r.points());
    points.removeIf(PointResult::overloaded); // no estimate to draw; the table says which
    points.sort(Comparator.comparingDouble(p -> r.parameter().numeric(p.key())));
    double min = Double.MAX_VALUE;
    double max = 0;
    for (PointResult p : points) {
      min = Math.min(min, p.estimates().get(t).mean());
      max = Math.max(max, p.estimates().get(t).mean());
    }
    // Past the knee latency grows by orders of magnitude: a log axis keeps the knee readable.
    boolean log = term.metric().unit().equals("ms") && min > 0 && max / min > 20;
    for (PointResult p : points) {
      Estimate e = p.estimates().get(t);
      double lo = log ? Math.max(e.lo(), e.mean() / 2) : e.lo(); // a log axis has no room for lo <= 0
      series.add(r.parameter().numeric(p.key()), e.mean(), lo, e.hi());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series);
    String unit = r.parameter().unit().isEmpty() ? "point" : r.parameter().unit();
    NumberAxis x = new NumberAxis(r.parameter().describe() + " (" + unit + ")");
    x.setAutoRangeIncludesZero(false);
    String yLabel = term.metric().key() + " (" + term.metric().unit() + (log ? ", log scale)" : ")");
    ValueAxis y;
    if (log) {
      LogAxis logAxis = new LogAxis(yLabel);
      logAxis.setNumberFormatOverride(new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
      y = logAxis;
    } else {
      y = new NumberAxis(yLabel);
    }
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
    renderer.setSeriesFillPaint(0, new Color(0x1f, 0x77, 0xb4));
    renderer.setAlpha(0.25f);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    if (term.hasLimit()) {
      ValueMarker line = new ValueMarker(term.limit(), new Color(0xd6, 0x27, 0x28), new BasicStroke(1.5f));
      line.setLabel("SLO " + term.text());
      line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(line);
    }
    if (r.answer() != null) {
      ValueMarker answer = new ValueMarker(r.parameter().numeric(r.answer()), Color.DARK_GRAY,
          new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
      answer.setLabel("answer " + r.parameter().label(r.answer()));
      answer.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      answer.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      plot.addDomainMarker(answer);
    }
    JFreeChart chart = new JFreeChart(r.question().command() + ": " + r.scenario() + ", " + term.metric().key(),
        JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix("knee" + t); // JFreeSVG's default prefix holds the clock; ids must not
    chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement();
  }
}
