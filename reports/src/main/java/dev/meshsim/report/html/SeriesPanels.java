package dev.meshsim.report.html;

import dev.meshsim.report.chart.XyChart;
import dev.meshsim.report.series.Series;
import dev.meshsim.report.series.SeriesPoint;
import java.awt.Color;
import java.util.List;
import java.util.TreeSet;

/**
 * The Istio Service Dashboard's panels for one series: request volume, success rate (non-5xx, with
 * the dashboard's 95% line), request duration P50/P90/P99 (from each bucket's interval histogram),
 * and requests by response code and by Envoy response flag, stacked.
 */
final class SeriesPanels {
  static final int WIDTH = 560;
  static final int HEIGHT = 250;
  private static final Color P50 = new Color(0x7EB26D);
  private static final Color P90 = new Color(0xEAB839);
  private static final Color P99 = new Color(0xE24D42);

  private final Series series;
  private final double bucketSeconds;
  private final Decorations decorations;
  private final double[] x;

  SeriesPanels(Series series, long bucketNanos, Decorations decorations) {
    this.series = series;
    this.bucketSeconds = bucketNanos / 1e9;
    this.decorations = decorations;
    List<SeriesPoint> points = series.points();
    x = new double[points.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = points.get(i).startNanos() / 1e9 + bucketSeconds;
    }
  }

  String volume(String id) {
    double[] all = values(p -> p.requests() / bucketSeconds);
    double[] ok = values(p -> p.non5xx() / bucketSeconds);
    return chart("Request volume", "req/s").line("all", x, all, new Color(0x1F78C1))
        .line("non-5xx", x, ok, P50).svg(id, WIDTH, HEIGHT);
  }

  String successRate(String id) {
    double[] rate = values(p -> p.requests() == 0 ? Double.NaN : 100 * p.successRate());
    double lowest = 100;
    for (double r : rate) {
      lowest = Double.isNaN(r) ? lowest : Math.min(lowest, r);
    }
    // Like the dashboard's panel: zoomed to where the rate is, the 95% line always in view.
    double floor = Math.min(90, 10 * Math.floor(lowest / 10));
    return chart("Success rate (non-5xx)", "%").line("success rate", x, rate, P50)
        .threshold("95%", 95).yRange(floor, 100.5).svg(id, WIDTH, HEIGHT);
  }

  String duration(String id) {
    return chart("Request duration", "ms")
        .line("P50", x, values(p -> p.requests() == 0 ? Double.NaN : p.p50Nanos() / 1e6), P50)
        .line("P90", x, values(p -> p.requests() == 0 ? Double.NaN : p.p90Nanos() / 1e6), P90)
        .line("P99", x, values(p -> p.requests() == 0 ? Double.NaN : p.p99Nanos() / 1e6), P99)
        .svg(id, WIDTH, HEIGHT);
  }

  String byCode(String id) {
    TreeSet<Integer> codes = new TreeSet<>();
    series.points().forEach(p -> codes.addAll(p.codes().keySet()));
    XyChart chart = chart("Requests by response code", "req/s").stacked();
    for (int code : codes) {
      chart.line(Integer.toString(code), x, values(p -> p.codes().getOrDefault(code, 0L) / bucketSeconds),
          Palette.code(code, codes.headSet(code).size()));
    }
    return chart.svg(id, WIDTH, HEIGHT);
  }

  String byFlag(String id) {
    TreeSet<String> flags = new TreeSet<>();
    series.points().forEach(p -> flags.addAll(p.flags().keySet()));
    XyChart chart = chart("Requests by Envoy response flag", "req/s").stacked();
    int i = 0;
    for (String flag : flags) {
      chart.line(flag, x, values(p -> p.flags().getOrDefault(flag, 0L) / bucketSeconds), Palette.flag(flag, i++));
    }
    return chart.svg(id, WIDTH, HEIGHT);
  }

  private XyChart chart(String title, String yLabel) {
    return decorations.applyTo(new XyChart(title, "simulated time (s)", yLabel));
  }

  private double[] values(java.util.function.ToDoubleFunction<SeriesPoint> f) {
    List<SeriesPoint> points = series.points();
    double[] y = new double[points.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = f.applyAsDouble(points.get(i));
    }
    return y;
  }
}
