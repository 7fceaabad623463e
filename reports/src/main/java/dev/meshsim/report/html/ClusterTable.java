package dev.meshsim.report.html;

import dev.meshsim.report.Ranking;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Envoy's stats per cluster, summed over client sidecars, under Envoy's names; the clusters with the
 * most requests or overflows first, the rest collapsed.
 */
final class ClusterTable {
  /** Columns always shown when any cluster has them, in this order; other counters follow. */
  private static final List<String> MAIN = List.of("upstream_rq_total", "upstream_rq_pending_total",
      "upstream_rq_pending_overflow", "upstream_cx_total", "upstream_cx_overflow", "upstream_cx_connect_fail",
      "upstream_rq_retry", "upstream_rq_retry_overflow", "upstream_rq_timeout",
      "outlier_detection.ejections_enforced_total");

  private ClusterTable() {}

  static void render(RunResult r, int topN, StringBuilder out) {
    Map<String, ClusterStats> stats = r.clusterStats();
    if (stats.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(stats.keySet());
    TreeSet<String> present = new TreeSet<>();
    stats.values().forEach(s -> present.addAll(s.counters().keySet()));
    List<String> columns = new ArrayList<>();
    MAIN.stream().filter(present::contains).forEach(columns::add);
    present.stream().filter(c -> !columns.contains(c)).forEach(columns::add);
    List<String> top = Ranking.top(names, 2 * topN, n -> stats.get(n).counter("upstream_rq_total"),
        n -> errors(stats.get(n)), n -> n);
    out.append("<h2>Envoy cluster stats</h2>\n<p class=\"note\">Summed over every client sidecar that has the")
        .append(" cluster, as a Prometheus sum over proxies would show them.</p>\n");
    table(top, columns, stats, out);
    List<String> rest = Ranking.rest(names, top);
    if (!rest.isEmpty()) {
      out.append("<details><summary>").append(rest.size()).append(" more clusters</summary>\n");
      table(rest, columns, stats, out);
      out.append("</details>\n");
    }
  }

  private static long errors(ClusterStats s) {
    return s.counter("upstream_rq_pending_overflow") + s.counter("upstream_cx_connect_fail")
        + s.counter("upstream_rq_timeout") + s.responseCodes().tailMap(500).values().stream().mapToLong(n -> n).sum();
  }

  private static void table(List<String> names, List<String> columns, Map<String, ClusterStats> stats,
      StringBuilder out) {
    out.append("<div style=\"overflow-x:auto\"><table>\n<tr><th>cluster</th>");
    columns.forEach(c -> out.append("<th>").append(Html.text(c).replace("_", "_<wbr>")).append("</th>"));
    out.append("<th>response codes</th><th>response flags</th></tr>\n");
    for (String n : names) {
      ClusterStats s = stats.get(n);
      out.append("<tr><td><code>").append(Html.text(n)).append("</code></td>");
      columns.forEach(c -> out.append("<td class=\"n\">").append(s.counter(c)).append("</td>"));
      out.append("<td>").append(Html.text(HtmlReport.counts(s.responseCodes()))).append("</td><td>")
          .append(Html.text(HtmlReport.counts(s.responseFlags()))).append("</td></tr>\n");
    }
    out.append("</table></div>\n");
  }
}
