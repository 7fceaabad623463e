package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.upstream.ClusterConfig;
import java.util.Map;

/**
 * The Envoy configuration istiod generates for one sidecar: routes (RDS) and clusters with their
 * endpoints (CDS + EDS). Immutable; sidecars whose config cannot differ share one. Clusters keep istiod's order.
 *
 * @param routes the outbound route configuration
 * @param clusters by cluster name
 */
public record ProxyConfig(RouteConfiguration routes, Map<String, ClusterConfig> clusters) {

  public ProxyConfig {
    clusters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clusters));
  }

  /** The cluster with this name, or null: Envoy's router answers {@code 503 NC}. */
  public ClusterConfig cluster(String name) {
    return clusters.get(name);
  }
}
