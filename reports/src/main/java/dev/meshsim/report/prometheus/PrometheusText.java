package dev.meshsim.report.prometheus;

import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.Convergence;
import dev.meshsim.result.RunResult;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes the exposition text. Every family has {@code # HELP} and {@code # TYPE}; label values are
 * escaped as the format requires (backslash, double quote, newline); numbers are exact decimals.
 */
public final class PrometheusText {
  /** istiod's {@code pilot_proxy_convergence_time} buckets, in seconds (pilot/pkg/xds/monitoring.go). */
  static final double[] CONVERGENCE_BUCKETS_S = {0.1, 0.5, 1, 3, 5, 10, 20, 30};

  private PrometheusText() {}

  public static String render(RunResult r, IstioMetrics metrics) {
    StringBuilder out = new StringBuilder(64 * 1024);
    requests(metrics, out);
    durations(metrics, out);
    convergence(r, out);
    clusters(r, out);
    return out.toString();
  }

  private static void requests(IstioMetrics m, StringBuilder out) {
    family("istio_requests_total", "counter", "Requests, as reported by the client sidecar (meshsim simulation).", out);
    m.series().forEach((l, s) -> out.append("istio_requests_total").append(labels(l, null)).append(' ')
        .append(s.count()).append('\n'));
  }

  private static void durations(IstioMetrics m, StringBuilder out) {
    String name = "istio_request_duration_milliseconds";
    family(name, "histogram", "Request duration in ms at the client sidecar (meshsim simulation).", out);
    m.series().forEach((l, s) -> {
      for (int i = 0; i < IstioMetrics.DURATION_BUCKETS_MS.length; i++) {
        out.append(name).append("_bucket").append(labels(l, number(IstioMetrics.DURATION_BUCKETS_MS[i]))).append(' ')
            .append(s.cumulative(i)).append('\n');
      }
      out.append(name).append("_bucket").append(labels(l, "+Inf")).append(' ').append(s.count()).append('\n');
      out.append(name).append("_sum").append(labels(l, null)).append(' ')
          .append(BigDecimal.valueOf(s.sumNanos(), 6).stripTrailingZeros().toPlainString()).append('\n');
      out.append(name).append("_count").append(labels(l, null)).append(' ').append(s.count()).append('\n');
    });
  }

  private static void convergence(RunResult r, StringBuilder out) {
    if (r.timeline() == null || r.timeline().convergence().isEmpty()) {
      return;
    }
    long[] counts = new long[CONVERGENCE_BUCKETS_S.length];
    long count = 0;
    long sumNanos = 0;
    for (Convergence c : r.timeline().convergence()) {
      for (long ns : c.samplesNanos()) {
        count++;
        sumNanos += ns;
        for (int i = 0; i < counts.length; i++) {
          if (ns <= CONVERGENCE_BUCKETS_S[i] * 1e9) {
            counts[i]++;
          }
        }
      }
    }
    String name = "pilot_proxy_convergence_time";
    family(name, "histogram", "Seconds from a config change until each sidecar had applied it (meshsim:"
        + " measured to the proxy's apply, istiod measures to its ACK).", out);
    for (int i = 0; i < counts.length; i++) {
      out.append(name).append("_bucket{le=\"").append(number(CONVERGENCE_BUCKETS_S[i])).append("\"} ")
          .append(counts[i]).append('\n');
    }
    out.append(name).append("_bucket{le=\"+Inf\"} ").append(count).append('\n');
    out.append(name).append("_sum ").append(BigDecimal.valueOf(sumNanos, 9).stripTrailingZeros().toPlainString())
        .append('\n');
    out.append(name).append("_count ").append(count).append('\n');
  }

  /**
   * Envoy's cluster counters, one family per stat, labelled as Istio's bootstrap tags them: the
   * cluster as {@code cluster_name}, and {@code upstream_rq_<code>} as {@code envoy_cluster_upstream_rq}
   * with a {@code response_code} label (Istio's {@code stats_tags} regex {@code _rq(_(\d{3}))$}).
   */
  private static void clusters(RunResult r, StringBuilder out) {
    java.util.TreeMap<String, java.util.TreeMap<String, Long>> byStat = new java.util.TreeMap<>();
    for (Map.Entry<String, ClusterStats> c : r.clusterStats().entrySet()) {
      c.getValue().counters().forEach((stat, n) -> {
        boolean code = stat.matches("upstream_rq_\\d{3}");
        String family = code ? "upstream_rq" : stat;
        String labels = "cluster_name=\"" + escape(c.getKey()) + "\""
            + (code ? ",response_code=\"" + stat.substring(stat.length() - 3) + "\"" : "");
        byStat.computeIfAbsent(family, s -> new java.util.TreeMap<>()).put(labels, n);
      });
    }
    byStat.forEach((stat, series) -> {
      String name = "envoy_cluster_" + stat.replace('.', '_');
      family(name, "counter", "Envoy cluster." + stat + ", summed over client sidecars (meshsim simulation).", out);
      series.forEach((labels, n) -> out.append(name).append('{').append(labels).append("} ").append(n).append('\n'));
    });
  }

  private static void family(String name, String type, String help, StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
        .append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static String labels(IstioMetrics.Labels l, String le) {
    StringBuilder s = new StringBuilder("{");
    pair("reporter", "source", s);
    pair("source_workload", l.sourceWorkload(), s);
    pair("source_workload_namespace", l.sourceNamespace(), s);
    pair("destination_workload", l.destinationWorkload(), s);
    pair("destination_workload_namespace", l.destinationWorkloadNamespace(), s);
    pair("destination_service", l.destinationService(), s);
    pair("destination_service_name", l.destinationServiceName(), s);
    pair("destination_service_namespace", l.destinationServiceNamespace(), s);
    pair("request_protocol", "http", s);
    pair("response_code", l.responseCode(), s);
    pair("response_flags", l.responseFlags(), s);
    pair("connection_security_policy", "unknown", s);
    if (le != null) {
      pair("le", le, s);
    }
    s.setLength(s.length() - 1);
    return s.append('}').toString();
  }

  private static void pair(String name, String value, StringBuilder s) {
    s.append(name).append("=\"").append(escape(value)).append("\",");
  }

  static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
