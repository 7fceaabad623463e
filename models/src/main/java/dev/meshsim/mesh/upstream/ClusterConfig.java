package dev.meshsim.mesh.upstream;

import java.util.Collections;
import java.util.List;

/**
 * What CDS and EDS tell a sidecar about one Envoy cluster: its name and its endpoints. Immutable and
 * shared by every sidecar that has the same view; each sidecar keeps its own mutable {@link
 * Cluster} state (load-balancer position, active requests) on top.
 *
 * @param name {@code outbound|<port>|<subset>|<fqdn>}
 * @param endpoints the hosts, in a stable order (pod creation order)
 * @param settings connection pool, circuit breakers, load balancer, outlier detection
 * @param priorities per endpoint, its EDS priority ({@code LocalityLbEndpoints.priority}): 0 is
 *     used first; the values run from 0 to N without gaps
 */
public record ClusterConfig(String name, List<Endpoint> endpoints, ClusterSettings settings,
    List<Integer> priorities) {

  public ClusterConfig {
    endpoints = List.copyOf(endpoints);
    priorities = List.copyOf(priorities);
    if (priorities.size() != endpoints.size()) {
      throw new IllegalArgumentException("one priority per endpoint");
    }
    checkCompact(priorities);
  }

  /** A cluster whose endpoints all have priority 0 (no locality failover). */
  public ClusterConfig(String name, List<Endpoint> endpoints, ClusterSettings settings) {
    this(name, endpoints, settings, Collections.nCopies(endpoints.size(), 0));
  }

  /** How many priorities the endpoints use; 1 when there are none. */
  public int priorityCount() {
    int max = 0;
    for (int p : priorities) {
      max = Math.max(max, p);
    }
    return max + 1;
  }

  /**
   * Istio's outbound cluster name ({@code model.BuildSubsetKey}): {@code
   * outbound|<port>|<subset>|<fqdn>}, subset empty for the whole service.
   */
  public static String outboundName(int port, String subset, String fqdn) {
    return "outbound|" + port + "|" + (subset == null ? "" : subset) + "|" + fqdn;
  }

  /** Envoy requires priorities from 0 to N without skipping (istio compacts them so). */
  private static void checkCompact(List<Integer> priorities) {
    boolean[] seen = new boolean[priorities.size() + 1];
    int max = -1;
    for (int p : priorities) {
      if (p < 0 || p >= seen.length) {
        throw new IllegalArgumentException("priority " + p + " out of range");
      }
      seen[p] = true;
      max = Math.max(max, p);
    }
    for (int p = 0; p <= max; p++) {
      if (!seen[p]) {
        throw new IllegalArgumentException("priorities skip " + p);
      }
    }
  }
}
