package dev.meshsim.mesh.routing;

import java.util.Map;

/**
 * What RDS gives one sidecar: for each outbound HTTP port, its virtual hosts by service FQDN.
 * Selecting the virtual host by the resolved FQDN stands in for Envoy's match of the Host header
 * against the domains Istio generates (FQDN, short name, {@code name.namespace}, each with and
 * without the port), which resolve exactly as Kubernetes DNS does.
 */
public final class RouteConfiguration {
  private final Map<String, VirtualHost> byHostAndPort;

  public RouteConfiguration(Map<String, VirtualHost> byHostAndPort) {
    this.byHostAndPort = Map.copyOf(byHostAndPort);
  }

  /** The virtual host for {@code fqdn} on {@code port}, or null. */
  public VirtualHost virtualHost(String fqdn, int port) {
    return byHostAndPort.get(key(fqdn, port));
  }

  /** The virtual host for a request, by its precomputed key (the hot path). */
  public VirtualHost virtualHost(RequestAttributes request) {
    return byHostAndPort.get(request.virtualHostKey());
  }

  /** Every virtual host, by {@code fqdn:port}, unordered (for inspection; sort before printing). */
  public Map<String, VirtualHost> virtualHosts() {
    return byHostAndPort;
  }

  static String key(String fqdn, int port) {
    return fqdn + ":" + port;
  }
}
