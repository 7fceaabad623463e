package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.upstream.ClusterConfig;

/**
 * A sidecar's xDS client: the config the proxy has applied, which is what its router uses. The
 * router asks only through {@link #routes()} and {@link #cluster(String)}, so how and when config
 * arrives (ADS ordering, warming, per-proxy delays) stays behind this class.
 */
public final class XdsClient {
  private ProxyConfig applied;

  public XdsClient(ProxyConfig initial) {
    this.applied = initial;
  }

  /** The route configuration (RDS) in force. */
  public RouteConfiguration routes() {
    return applied.routes();
  }

  /**
   * The cluster with this name if the proxy has it and it is warm (its endpoints arrived), else
   * null: Envoy's router answers {@code 503 NC}.
   */
  public ClusterConfig cluster(String name) {
    return applied.cluster(name);
  }

  /** Applies a whole new config at once. */
  public void apply(ProxyConfig config) {
    this.applied = config;
  }
}
