package dev.meshsim.plan.chart;

import dev.meshsim.plan.Estimate;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.PointResult;
import dev.meshsim.plan.SloTerm;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
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
    points.sort(Comparator.comparingDouble(p -> r.parameter().numeric(p.key())));
    for (PointResult p : points) {
      Estimate e = p.estimates().get(t);
      series.add(r.parameter().numeric(p.key()), e.mean(), e.lo(), e.hi());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series);
    String unit = r.parameter().unit().isEmpty() ? "point" : r.parameter().unit();
    NumberAxis x = new NumberAxis(r.parameter().describe() + " (" + unit + ")");
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(term.metric().key() + " (" + term.metric().unit() + ")");
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
      plot.addRangeMarker(line);
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
