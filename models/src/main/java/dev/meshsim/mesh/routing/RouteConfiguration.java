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
  private final boolean blockAll;
  private final java.util.Set<Integer> gatewayPorts;
  private final Map<String, TcpProxyRoute> tcpByHostAndPort;
  /** Ports with an outbound HTTP listener; null when not known (every port is taken as HTTP). */
  private final java.util.Set<Integer> httpPorts;
  /**
   * Whether some key is a wildcard domain ({@code *.wikipedia.org:443}, a wildcard ServiceEntry);
   * without one, a lookup stays one exact map read.
   */
  private final boolean hasWildcards;

  public RouteConfiguration(Map<String, VirtualHost> byHostAndPort) {
    this(byHostAndPort, false);
  }

  /**
   * @param blockAll whether a host no virtual host serves gets Istio's {@code block_all} catch-all
   *     (REGISTRY_ONLY): a direct response 502; otherwise such hosts are not reachable at all
   */
  public RouteConfiguration(Map<String, VirtualHost> byHostAndPort, boolean blockAll) {
    this(byHostAndPort, blockAll, java.util.Set.of());
  }

  /** @param gatewayPorts for a gateway's Envoy, the ports its Gateway servers listen on */
  public RouteConfiguration(Map<String, VirtualHost> byHostAndPort, boolean blockAll,
      java.util.Set<Integer> gatewayPorts) {
    this(byHostAndPort, blockAll, gatewayPorts, Map.of(), null);
  }

  /**
   * A sidecar's outbound config with its TCP side.
   *
   * @param tcpByHostAndPort the {@code tcp_proxy} of each (host, port) Istio treats as TCP or TLS
   * @param httpPorts the ports with an outbound HTTP listener ({@code 0.0.0.0_<port>}: some HTTP or
   *     sniffed port of a Service or ServiceEntry has that number); a connection to an unknown host
   *     on another port stays on the virtual outbound listener (15001), whose catch-all filter chain
   *     is a {@code tcp_proxy} (istio {@code buildOutboundCatchAllNetworkFilterChains})
   */
  public RouteConfiguration(Map<String, VirtualHost> byHostAndPort, boolean blockAll,
      java.util.Set<Integer> gatewayPorts, Map<String, TcpProxyRoute> tcpByHostAndPort,
      java.util.Set<Integer> httpPorts) {
    this.byHostAndPort = Map.copyOf(byHostAndPort);
    this.blockAll = blockAll;
    this.gatewayPorts = java.util.Set.copyOf(gatewayPorts);
    this.tcpByHostAndPort = Map.copyOf(tcpByHostAndPort);
    this.httpPorts = httpPorts == null ? null : java.util.Set.copyOf(httpPorts);
    this.hasWildcards = byHostAndPort.keySet().stream().anyMatch(k -> k.startsWith("*."))
        || tcpByHostAndPort.keySet().stream().anyMatch(k -> k.startsWith("*."));
  }

  /** Istio's cluster without endpoints that REGISTRY_ONLY's TCP catch-all proxies to. */
  public static final String BLACK_HOLE_CLUSTER = "BlackHoleCluster";
  private static final TcpProxyRoute BLACK_HOLE = TcpProxyRoute.to(BLACK_HOLE_CLUSTER);

  /**
   * The {@code tcp_proxy} a request's connection goes through, or null when an HTTP listener takes
   * it: the (host, port)'s own TCP or TLS filter chain, else, under REGISTRY_ONLY, the virtual
   * outbound listener's {@code BlackHoleCluster} for an unknown host on a port no HTTP listener has.
   */
  public TcpProxyRoute tcpProxy(RequestAttributes request) {
    String key = request.virtualHostKey();
    TcpProxyRoute own = tcpByHostAndPort.get(key);
    boolean known = own != null || byHostAndPort.containsKey(key);
    if (!known && hasWildcards) {
      String wildcard = wildcardKey(request.host(), request.port());
      if (wildcard != null) {
        return tcpByHostAndPort.get(wildcard); // null: the wildcard's HTTP virtual host takes it
      }
    }
    if (own != null || !blockAll || httpPorts == null) {
      return own;
    }
    return !known && !httpPorts.contains(request.port()) ? BLACK_HOLE : null;
  }

  /**
   * The longest wildcard domain {@code *.suffix} on {@code port} that covers {@code host}, as a
   * key of either map, or null: Envoy's virtual host domains and filter chains' {@code
   * server_names} match an exact name first, then the longest wildcard suffix.
   */
  private String wildcardKey(String host, int port) {
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      String k = key("*" + host.substring(dot), port);
      if (byHostAndPort.containsKey(k) || tcpByHostAndPort.containsKey(k)) {
        return k;
      }
    }
    return null;
  }

  /** Every (host, port) TCP filter chain, by {@code fqdn:port}, unordered (for inspection). */
  public Map<String, TcpProxyRoute> tcpProxies() {
    return tcpByHostAndPort;
  }

  /** Whether a gateway's Envoy has a listener on {@code port} (a Gateway server's port). */
  public boolean gatewayListensOn(int port) {
    return gatewayPorts.contains(port);
  }

  /**
   * The domain of the virtual host Envoy picks for Host {@code host} on {@code port}: the exact
   * name, else the longest {@code *.suffix}, else {@code *}; null when none matches.
   */
  public String domainFor(String host, int port) {
    if (byHostAndPort.containsKey(key(host, port))) {
      return host;
    }
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      String wildcard = "*" + host.substring(dot);
      if (byHostAndPort.containsKey(key(wildcard, port))) {
        return wildcard;
      }
    }
    return byHostAndPort.containsKey(key("*", port)) ? "*" : null;
  }

  /** Whether unknown hosts get Istio's {@code block_all} direct response (REGISTRY_ONLY). */
  public boolean blocksUnknownHosts() {
    return blockAll;
  }

  /** The virtual host for {@code fqdn} on {@code port}, or null. */
  public VirtualHost virtualHost(String fqdn, int port) {
    return byHostAndPort.get(key(fqdn, port));
  }

  /** The virtual host for a request, by its precomputed key (the hot path). */
  public VirtualHost virtualHost(RequestAttributes request) {
    VirtualHost exact = byHostAndPort.get(request.virtualHostKey());
    if (exact != null || !hasWildcards || tcpByHostAndPort.containsKey(request.virtualHostKey())) {
      return exact;
    }
    String wildcard = wildcardKey(request.host(), request.port());
    return wildcard == null ? null : byHostAndPort.get(wildcard);
  }

  /** Every virtual host, by {@code fqdn:port}, unordered (for inspection; sort before printing). */
  public Map<String, VirtualHost> virtualHosts() {
    return byHostAndPort;
  }

  static String key(String fqdn, int port) {
    return fqdn + ":" + port;
  }
}
