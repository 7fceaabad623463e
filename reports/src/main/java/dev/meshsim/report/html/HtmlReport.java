package dev.meshsim.report.html;

import dev.meshsim.report.Decimals;
import dev.meshsim.report.LatencyMillis;
import dev.meshsim.report.TrafficSummary;
import dev.meshsim.report.series.Series;
import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole page. Sections: header (scenario, seed, Istio version, durations, meshsim version,
 * command line) with one verdict line per load; the total's panels; per load and per destination
 * service panels (top N, the rest in a collapsed table); the timeline; Envoy's cluster stats.
 * Deterministic: the same result, series and context give the same bytes.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** The page as a string. {@code series} must be {@link SeriesRecorder#finish finished}. */
  public static String render(RunResult r, SeriesRecorder series, ReportContext context) {
    StringBuilder out = new StringBuilder(256 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>meshsim: ").append(Html.text(r.scenario())).append("</title>\n<style>\n")
        .append(Style.CSS).append("</style>\n</head>\n<body>\n");
    header(r, context, out);
    out.append("<main>\n");
    verdicts(r, out);
    Decorations decorations = Decorations.of(r);
    if (r.loads().size() > 1) {
      out.append("<h2>All loads</h2>\n");
      seriesPanels(series.total(), series.bucketNanos(), decorations, "total", out);
    }
    LoadSections.render(r, series, decorations, context.topN(), out);
    TimelineSections.render(r, decorations, out);
    ClusterTable.render(r, context.topN(), out);
    out.append("<p class=\"note\">meshsim ").append(Html.text(context.meshsimVersion()))
        .append(": simulated results; every figure follows from the scenario and the seed.</p>\n");
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void header(RunResult r, ReportContext c, StringBuilder out) {
    out.append("<header>\n<h1>").append(Html.text(r.scenario())).append("</h1>\n<dl>\n");
    dt("seed", Long.toString(r.seed()), out);
    dt("Istio version profile", c.istioVersion(), out);
    dt("simulated", Decimals.seconds(r.durationNanos()).toPlainString() + " s (warmup "
        + Decimals.seconds(r.warmupNanos()).toPlainString() + " s, measured "
        + Decimals.seconds(r.durationNanos() - r.warmupNanos()).toPlainString() + " s, end "
        + Decimals.seconds(r.simulatedEndNanos()).toPlainString() + " s)", out);
    dt("meshsim", c.meshsimVersion(), out);
    dt("command", c.commandLine(), out);
    out.append("</dl>\n</header>\n");
  }

  private static void dt(String term, String value, StringBuilder out) {
    out.append("<dt>").append(Html.text(term)).append("</dt><dd>").append(Html.text(value)).append("</dd>\n");
  }

  private static void verdicts(RunResult r, StringBuilder out) {
    out.append("<h2>Verdict per load</h2>\n<table>\n<tr><th>load</th><th>requests</th><th>req/s</th>")
        .append("<th>success (non-5xx)</th><th>p50 ms</th><th>p99 ms</th><th>codes</th><th>flags</th></tr>\n");
    long window = r.durationNanos() - r.warmupNanos();
    List<Map.Entry<String, TrafficStats>> loads = new ArrayList<>(r.loads().entrySet());
    for (Map.Entry<String, TrafficStats> e : loads) {
      verdictRow(e.getKey(), TrafficSummary.of(e.getValue(), window), out);
    }
    verdictRow("total", TrafficSummary.of(r.total(), window), out);
    out.append("</table>\n");
    if (r.unfinished() > 0) {
      out.append("<p class=\"note\">").append(r.unfinished())
          .append(" requests were still in flight at the end and are in no count.</p>\n");
    }
  }

  static void verdictRow(String name, TrafficSummary s, StringBuilder out) {
    long non5xx = s.codes().entrySet().stream().filter(e -> e.getKey() < 500).mapToLong(Map.Entry::getValue).sum();
    LatencyMillis ms = s.latencyMs();
    out.append("<tr><td>").append(Html.text(name)).append("</td><td class=\"n\">").append(s.requests())
        .append("</td><td class=\"n\">").append(s.throughput().toPlainString()).append("</td><td>")
        .append(successBadge(non5xx, s.requests())).append("</td><td class=\"n\">").append(plain(ms.p50()))
        .append("</td><td class=\"n\">").append(plain(ms.p99())).append("</td><td>")
        .append(Html.text(counts(s.codes()))).append("</td><td>").append(Html.text(counts(s.flags())))
        .append("</td></tr>\n");
  }

  /** The success rate coloured as the Istio dashboard does: red below 95%, yellow below 99%, else green. */
  static String successBadge(long ok, long all) {
    if (all == 0) {
      return "<span class=\"note\">no requests</span>";
    }
    String cls = ok * 100 < all * 95L ? "bad" : ok * 100 < all * 99L ? "warn" : "ok";
    return "<span class=\"verdict " + cls + "\">" + Decimals.percent(ok, all).toPlainString() + "%</span>";
  }

  static String counts(Map<?, Long> counts) {
    StringBuilder s = new StringBuilder();
    counts.forEach((k, n) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(" ×").append(n));
    return s.toString();
  }

  static String plain(BigDecimal d) {
    return d == null ? "–" : d.toPlainString();
  }

  /** The five dashboard panels of one series, in a grid. */
  static void seriesPanels(Series s, long bucketNanos, Decorations d, String id, StringBuilder out) {
    var busy = s.points().stream().filter(p -> p.requests() > 0).toList();
    if (busy.size() < 2) {
      // One point makes no line: say where the requests are instead of drawing empty charts.
      long n = busy.stream().mapToLong(dev.meshsim.report.series.SeriesPoint::requests).sum();
      out.append("<p class=\"note\">All ").append(n).append(" requests ended within one ")
          .append(Decimals.seconds(bucketNanos).toPlainString()).append(" s bucket")
          .append(busy.isEmpty() ? "" : " (from " + Decimals.seconds(busy.get(0).startNanos()).toPlainString() + " s)")
          .append(": too few for charts over time; the histogram and percentile plot show them.")
          .append(" A smaller <code>report.bucket</code> in the scenario draws them over time.</p>\n");
      return;
    }
    SeriesPanels p = new SeriesPanels(s, bucketNanos, d);
    out.append("<div class=\"grid\">\n");
    panel(p.volume(id + "-vol"), out);
    panel(p.successRate(id + "-ok"), out);
    panel(p.duration(id + "-dur"), out);
    panel(p.byCode(id + "-code"), out);
    panel(p.byFlag(id + "-flag"), out);
    out.append("</div>\n");
  }

  static void panel(String svg, StringBuilder out) {
    panel(svg, "panel", out);
  }

  /** A panel across the whole grid, for the wide charts. */
  static void widePanel(String svg, StringBuilder out) {
    panel(svg, "panel wide", out);
  }

  private static void panel(String svg, String cls, StringBuilder out) {
    out.append("<div class=\"").append(cls).append("\">").append(svg.replaceFirst("<svg ", "<svg class=\"chart\" role=\"img\" "))
        .append("</div>\n");
  }
}
