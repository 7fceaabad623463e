package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import dev.meshsim.inspect.snapshot.Snapshot.HostState;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;

/**
 * Envoy's admin endpoints in their text formats (envoy {@code source/server/admin}): {@code
 * /clusters} ({@code cluster::key::value} lines: circuit-breaker thresholds, then per host {@code
 * cluster::ip:port::stat::value}) and {@code /stats} ({@code name: value}, sorted).
 */
public final class AdminView {
  /** Envoy's own circuit-breaker defaults (circuit_breaker.proto): 1024, and 3 retries. */
  private static final long ENVOY_DEFAULT_LIMIT = 1024;
  private static final long ENVOY_DEFAULT_RETRIES = 3;

  private AdminView() {}

  /** The admin paths meshsim answers. */
  public static final java.util.List<String> PATHS = java.util.List.of("/clusters", "/stats");

  public static String clusters(Proxy proxy) {
    StringBuilder out = new StringBuilder();
    for (ClusterState c : proxy.clusters()) {
      String n = c.name() + "::";
      out.append(n).append("observability_name::").append(c.name()).append('\n');
      threshold(out, n, "max_connections", c.maxConnections());
      threshold(out, n, "max_pending_requests", c.maxPendingRequests());
      threshold(out, n, "max_requests", c.maxRequests());
      threshold(out, n, "max_retries", c.maxRetries());
      // Istio sends only the DEFAULT priority's thresholds; HIGH keeps Envoy's defaults.
      threshold(out, n, "high_priority", "max_connections", ENVOY_DEFAULT_LIMIT);
      threshold(out, n, "high_priority", "max_pending_requests", ENVOY_DEFAULT_LIMIT);
      threshold(out, n, "high_priority", "max_requests", ENVOY_DEFAULT_LIMIT);
      threshold(out, n, "high_priority", "max_retries", ENVOY_DEFAULT_RETRIES);
      out.append(n).append("added_via_api::true\n");
      for (HostState h : c.hosts()) {
        host(out, n + h.address() + "::", h);
      }
    }
    return out.toString();
  }

  /**
   * One host as {@code writeClustersAsText} prints it (envoy {@code
   * source/server/admin/clusters_handler.cc}): its counters and gauges sorted by name, then
   * hostname, health flags, weight, canary, priority and success rates (-1: success-rate
   * ejection is off, as Istio configures it). The counters and gauges are {@code HostStats}'
   * (envoy {@code envoy/upstream/host_description.h}), in {@code std::map} order; Istio's EDS sets no
   * hostname. Envoy's {@code region}, {@code zone} and {@code sub_zone} lines are not printed.
   */
  private static void host(StringBuilder out, String p, HostState h) {
    out.append(p).append("cx_active::").append(h.cxActive()).append('\n');
    out.append(p).append("cx_connect_fail::").append(h.cxConnectFail()).append('\n');
    out.append(p).append("cx_total::").append(h.cxTotal()).append('\n');
    out.append(p).append("rq_active::").append(h.rqActive()).append('\n');
    out.append(p).append("rq_error::").append(h.rqError()).append('\n');
    out.append(p).append("rq_success::").append(h.rqSuccess()).append('\n');
    out.append(p).append("rq_timeout::").append(h.rqTimeout()).append('\n');
    out.append(p).append("rq_total::").append(h.rqTotal()).append('\n');
    out.append(p).append("hostname::\n");
    out.append(p).append("health_flags::").append(h.failedOutlierCheck() ? "/failed_outlier_check" : "healthy")
        .append('\n');
    out.append(p).append("weight::1\n");
    out.append(p).append("canary::false\n");
    out.append(p).append("priority::").append(h.priority()).append('\n');
    out.append(p).append("success_rate::-1\n");
    out.append(p).append("local_origin_success_rate::-1\n");
  }

  private static void threshold(StringBuilder out, String prefix, String name, long value) {
    threshold(out, prefix, "default_priority", name, value);
  }

  private static void threshold(StringBuilder out, String prefix, String priority, String name, long value) {
    out.append(prefix).append(priority).append("::").append(name).append("::").append(value).append('\n');
  }

  public static String stats(Proxy proxy) {
    StringBuilder out = new StringBuilder();
    proxy.stats().forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
    return out.toString();
  }
}
