package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.upstream.ClusterConfig;
import java.util.Map;

/**
 * The Envoy configuration istiod generates for one sidecar: routes (RDS) and clusters with their
 * endpoints (CDS + EDS). Immutable; sidecars with the same namespace and labels share one.
 *
 * @param routes the outbound route configuration
 * @param clusters by cluster name
 */
public record ProxyConfig(RouteConfiguration routes, Map<String, ClusterConfig> clusters) {

  public ProxyConfig {
    clusters = Map.copyOf(clusters);
  }

  /** The cluster with this name, or null: Envoy's router answers {@code 503 NC}. */
  public ClusterConfig cluster(String name) {
    return clusters.get(name);
  }
}
