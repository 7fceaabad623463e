package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import dev.meshsim.inspect.snapshot.Snapshot.HostState;
import dev.meshsim.result.ClusterStats;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One proxy's {@code /stats}, by Envoy stat name ({@code cluster.<name>.<stat>}): the gauges of
 * its own clusters ({@code upstream_cx_active}, {@code upstream_rq_active}, {@code
 * upstream_rq_pending_active}, {@code circuit_breakers.default.remaining_*} as {@code
 * track_remaining} gives them, {@code membership_*}, {@code outlier_detection.ejections_active}),
 * and its own counters of them ({@code upstream_rq_total}, {@code upstream_rq_<code>} …), counted
 * from the proxy's start as Envoy's are, not from the warmup.
 */
final class ProxyStats {
  private ProxyStats() {}

  static SortedMap<String, Long> of(List<ClusterState> clusters, Map<String, ClusterStats> counters) {
    SortedMap<String, Long> stats = new TreeMap<>();
    for (ClusterState c : clusters) {
      String p = "cluster." + c.name() + ".";
      stats.put(p + "upstream_cx_active", c.cxActive());
      stats.put(p + "upstream_rq_active", c.rqActive());
      stats.put(p + "upstream_rq_pending_active", c.rqPendingActive());
      stats.put(p + "circuit_breakers.default.remaining_cx", Math.max(0, c.maxConnections() - c.cxActive()));
      stats.put(p + "circuit_breakers.default.remaining_pending",
          Math.max(0, c.maxPendingRequests() - c.rqPendingActive()));
      stats.put(p + "circuit_breakers.default.remaining_rq", Math.max(0, c.maxRequests() - c.rqActive()));
      stats.put(p + "circuit_breakers.default.remaining_retries", Math.max(0, c.maxRetries() - c.retriesActive()));
      long ejected = c.hosts().stream().filter(HostState::failedOutlierCheck).count();
      stats.put(p + "membership_total", (long) c.hosts().size());
      stats.put(p + "membership_healthy", c.hosts().size() - ejected);
      stats.put(p + "outlier_detection.ejections_active", ejected);
      ClusterStats counted = counters.get(c.name());
      if (counted != null) {
        counted.counters().forEach((name, value) -> stats.put(p + name, value));
      }
    }
    return stats;
  }
}
