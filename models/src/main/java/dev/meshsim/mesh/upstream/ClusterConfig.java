package dev.meshsim.mesh.upstream;

import java.util.List;

/**
 * What CDS and EDS tell a sidecar about one Envoy cluster: its name and its endpoints. Immutable and
 * shared by every sidecar that has the same view; each sidecar keeps its own mutable {@link
 * Cluster} state (load-balancer position, active requests) on top.
 *
 * @param name {@code outbound|<port>|<subset>|<fqdn>}
 * @param endpoints the hosts, in a stable order (pod creation order)
 * @param settings connection pool, circuit breakers, load balancer, outlier detection
 */
public record ClusterConfig(String name, List<Endpoint> endpoints, ClusterSettings settings) {

  public ClusterConfig {
    endpoints = List.copyOf(endpoints);
  }

  /**
   * Istio's outbound cluster name ({@code model.BuildSubsetKey}): {@code
   * outbound|<port>|<subset>|<fqdn>}, subset empty for the whole service.
   */
  public static String outboundName(int port, String subset, String fqdn) {
    return "outbound|" + port + "|" + (subset == null ? "" : subset) + "|" + fqdn;
  }
}
