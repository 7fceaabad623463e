package dev.meshsim.report.html;

import dev.meshsim.report.LatencyBuckets;
import dev.meshsim.report.Ranking;
import dev.meshsim.report.TrafficSummary;
import dev.meshsim.report.chart.LatencyHistogramChart;
import dev.meshsim.report.chart.PercentileChart;
import dev.meshsim.report.series.Series;
import dev.meshsim.report.series.SeriesPoint;
import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Per load generator (dashboard panels, fortio's histogram, the percentile plot) and per destination
 * service (dashboard panels), the top N in full and the rest as rows of a collapsed table.
 */
final class LoadSections {
  private static final int HISTOGRAM_BARS = 24;

  private LoadSections() {}

  static void render(RunResult r, SeriesRecorder series, Decorations d, int topN, StringBuilder out) {
    loads(r, series, d, topN, out);
    services(series, d, topN, out);
  }

  private static void loads(RunResult r, SeriesRecorder series, Decorations d, int topN, StringBuilder out) {
    List<String> names = new ArrayList<>(r.loads().keySet());
    List<String> top = Ranking.top(names, topN, n -> r.loads().get(n).requests(), n -> failed(r.loads().get(n)),
        n -> n);
    out.append("<h2>Per load generator</h2>\n");
    if (top.size() < names.size()) {
      out.append("<p class=\"note\">").append(names.size()).append(" loads: the ").append(top.size())
          .append(" with the most traffic or errors are drawn; the others are in the table below.</p>\n");
    }
    long window = r.durationNanos() - r.warmupNanos();
    for (String name : top) {
      int index = names.indexOf(name);
      TrafficStats stats = r.loads().get(name);
      out.append("<h3>load ").append(Html.text(name)).append("</h3>\n");
      out.append("<table>\n");
      HtmlReport.verdictRow(name, TrafficSummary.of(stats, window), out);
      out.append("</table>\n");
      Series s = series.loads().get(name);
      if (s != null) {
        HtmlReport.seriesPanels(s, series.bucketNanos(), d, "load" + index, out);
      }
      if (stats.requests() > 0) {
        out.append("<div class=\"grid\">\n");
        HtmlReport.panel(LatencyHistogramChart.svg("Response time histogram: " + name, bars(stats.latency()),
            "load" + index + "-hist", SeriesPanels.WIDTH, SeriesPanels.HEIGHT), out);
        HtmlReport.panel(PercentileChart.svg("Latency by percentile: " + name,
            List.of(curve("latency", stats.latency())), "load" + index + "-pct", SeriesPanels.WIDTH,
            SeriesPanels.HEIGHT), out);
        out.append("</div>\n");
      }
    }
    List<String> rest = Ranking.rest(names, top);
    if (!rest.isEmpty()) {
      out.append("<details><summary>").append(rest.size()).append(" more loads</summary>\n<table>\n")
          .append("<tr><th>load</th><th>requests</th><th>req/s</th><th>success (non-5xx)</th><th>p50 ms</th>")
          .append("<th>p99 ms</th><th>codes</th><th>flags</th></tr>\n");
      rest.forEach(n -> HtmlReport.verdictRow(n, TrafficSummary.of(r.loads().get(n), window), out));
      out.append("</table>\n</details>\n");
    }
  }

  private static void services(SeriesRecorder series, Decorations d, int topN, StringBuilder out) {
    List<Series> all = new ArrayList<>(series.services().values());
    out.append("<h2>Per destination service</h2>\n<p class=\"note\">What the load generators' sidecars saw, by")
        .append(" the service they called (Istio's client-side <code>destination_service</code>). A service")
        .append(" called by one load only has that load's panels above.</p>\n");
    List<Series> shared = all.stream().filter(s -> series.callers(s.name()).size() > 1).toList();
    List<Series> top = Ranking.top(shared, topN, LoadSections::requests, LoadSections::errors, Series::name);
    for (Series s : top) {
      out.append("<h3>service ").append(Html.text(s.name())).append("</h3>\n<p class=\"note\">called by ")
          .append(Html.text(String.join(", ", series.callers(s.name())))).append("</p>\n");
      HtmlReport.seriesPanels(s, series.bucketNanos(), d, "svc" + all.indexOf(s), out);
    }
    List<Series> rest = Ranking.rest(all, top);
    if (!rest.isEmpty()) {
      out.append("<details").append(top.isEmpty() ? " open" : "").append("><summary>").append(rest.size())
          .append(top.isEmpty() ? " services" : " more services").append("</summary>\n<table>\n")
          .append("<tr><th>service</th><th>called by</th><th>requests</th><th>5xx</th></tr>\n");
      for (Series s : rest) {
        out.append("<tr><td>").append(Html.text(s.name())).append("</td><td>")
            .append(Html.text(String.join(", ", series.callers(s.name())))).append("</td><td class=\"n\">")
            .append(requests(s)).append("</td><td class=\"n\">").append(errors(s)).append("</td></tr>\n");
      }
      out.append("</table>\n</details>\n");
    }
  }

  private static long failed(TrafficStats s) {
    return s.codes().entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue()).sum();
  }

  private static long requests(Series s) {
    return s.points().stream().mapToLong(SeriesPoint::requests).sum();
  }

  private static long errors(Series s) {
    return s.points().stream().mapToLong(p -> p.requests() - p.non5xx()).sum();
  }

  static List<LatencyHistogramChart.Bar> bars(Histogram nanos) {
    List<LatencyHistogramChart.Bar> bars = new ArrayList<>();
    for (LatencyBuckets.Bucket b : LatencyBuckets.of(nanos, HISTOGRAM_BARS)) {
      bars.add(new LatencyHistogramChart.Bar(b.fromNanos() / 1e6, b.toNanos() / 1e6, b.count()));
    }
    return bars;
  }

  static PercentileChart.Curve curve(String name, Histogram nanos) {
    List<double[]> points = new ArrayList<>();
    for (HistogramIterationValue v : nanos.percentiles(5)) {
      if (v.getPercentileLevelIteratedTo() >= 100) {
        break;
      }
      points.add(new double[] {v.getPercentileLevelIteratedTo(), v.getValueIteratedTo() / 1e6});
    }
    double[] p = new double[points.size()];
    double[] ms = new double[points.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = points.get(i)[0];
      ms[i] = points.get(i)[1];
    }
    return new PercentileChart.Curve(name, p, ms);
  }
}
