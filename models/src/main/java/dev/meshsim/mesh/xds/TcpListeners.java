package dev.meshsim.mesh.xds;

import dev.meshsim.istio.L4Match;
import dev.meshsim.istio.L4Route;
import dev.meshsim.istio.ProtocolDetection;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.routing.TcpProxyRoute;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.scenario.IstioProtocol;
import dev.meshsim.scenario.PortSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outbound side of one sidecar's listeners (LDS), port by port, as istiod decides it (istio
 * {@code pilot/pkg/networking/core/listener.go}, {@code ModelProtocolToListenerProtocol}; the
 * filter chains of {@code tls.go} {@code buildSidecarOutboundTLSFilterChainOpts} and {@code
 * buildSidecarOutboundTCPFilterChainOpts}):
 *
 * <ul>
 *   <li>an HTTP-class port gets the HTTP connection manager ({@code 0.0.0.0_<port>}, RDS);
 *   <li>a port nothing declares gets it too while outbound sniffing is on (an HTTP client is
 *       detected at once), else it is TCP;
 *   <li>a TCP, Mongo, Redis or MySQL port gets a {@code tcp_proxy}: the first {@code tcp} route of
 *       the host's VirtualService whose match blocks select this proxy and port, else the
 *       service's cluster {@code outbound|port||fqdn};
 *   <li>a TLS or HTTPS port the same with the {@code tls} routes, matched on the SNI the client
 *       sends (its host name).
 * </ul>
 *
 * VirtualService {@code http} routes never reach a TCP port: that is seed 001's first trouble.
 */
final class TcpListeners {
  private final RouteBuilder routes;
  private final ProtocolDetection detection;
  private final Map<String, TcpProxyRoute> byHostAndPort = new LinkedHashMap<>();
  private final Set<Integer> httpPorts = new TreeSet<>();

  TcpListeners(RouteBuilder routes, ProtocolDetection detection) {
    this.routes = routes;
    this.detection = detection;
  }

  /** Whether Istio gives this port the HTTP filter chain on the client sidecar. */
  static boolean outboundHttp(IstioProtocol protocol, ProtocolDetection detection) {
    return protocol.isDeclaredHttp() || (protocol == IstioProtocol.AUTO && detection.outbound());
  }

  /**
   * Records (fqdn, port)'s filter chain; returns true when it is a {@code tcp_proxy} (the port has
   * no HTTP virtual host then), false when the HTTP connection manager takes it.
   */
  boolean addIfTcp(String fqdn, PortSpec port, VirtualService vs) {
    boolean http = outboundHttp(port.protocol(), detection);
    if (http) {
      httpPorts.add(port.port());
    }
    if (http && !port.serverFirst()) {
      return false;
    }
    TcpProxyRoute route = route(fqdn, port, vs, port.protocol().isTls());
    if (http) {
      route = new TcpProxyRoute(route.name(), route.clusters(), serverFirstWait(port.protocol()));
    }
    byHostAndPort.put(fqdn + ":" + port.port(), route);
    return true;
  }

  /**
   * A server-first app on a port with an HTTP side: its client waits for the server's greeting
   * while Envoy waits for the client's bytes. On a sniffed port the listener's inspectors give up
   * after {@code protocolDetectionTimeout} and the connection continues as TCP (Envoy's {@code
   * continue_on_listener_filters_timeout}, which istiod sets); with no timeout (Istio 1.8 on), or
   * on a port declared HTTP, whose connection manager waits for a request, it never continues.
   */
  private long serverFirstWait(IstioProtocol protocol) {
    if (protocol.isDeclaredHttp() || detection.timeoutNanos() == 0) {
      return TcpProxyRoute.FOREVER;
    }
    return detection.timeoutNanos();
  }

  /** Whether some Service or ServiceEntry port with this number has an HTTP listener. */
  boolean hasHttpListener(int port) {
    return httpPorts.contains(port);
  }

  /** A {@code tcp_proxy} of its own for (host, port), e.g. ALLOW_ANY's passthrough of an external host. */
  void add(String hostPort, TcpProxyRoute route) {
    byHostAndPort.put(hostPort, route);
  }

  Map<String, TcpProxyRoute> routes() {
    return byHostAndPort;
  }

  Set<Integer> httpPorts() {
    return httpPorts;
  }

  private TcpProxyRoute route(String fqdn, PortSpec port, VirtualService vs, boolean tls) {
    String dflt = ClusterConfig.outboundName(port.port(), null, fqdn);
    if (vs == null) {
      return TcpProxyRoute.to(dflt);
    }
    return tls ? tlsRoute(fqdn, port, vs, dflt) : tcpRoute(port, vs, dflt);
  }

  /**
   * {@code buildSidecarOutboundTCPFilterChainOpts}: the first route without match blocks, or with a
   * block that selects this proxy and port, is the terminal filter chain; else the default.
   */
  private TcpProxyRoute tcpRoute(PortSpec port, VirtualService vs, String dflt) {
    for (L4Route r : vs.tcp()) {
      if (r.match().isEmpty() || r.match().stream().anyMatch(m -> selects(m, port, vs))) {
        return new TcpProxyRoute(dflt, routes.weightedClusters(r.route(), vs, port));
      }
    }
    return TcpProxyRoute.to(dflt);
  }

  /**
   * {@code buildSidecarOutboundTLSFilterChainOpts}: every block that selects this proxy and port is a
   * filter chain matching its {@code sniHosts}; Envoy picks among them by the SNI, the exact name
   * before the longest wildcard. Only when no block selects the proxy and port does the port get
   * the default chain to the service; otherwise an SNI no chain names finds none ({@code NR}).
   */
  private TcpProxyRoute tlsRoute(String fqdn, PortSpec port, VirtualService vs, String dflt) {
    boolean anyChain = false;
    L4Route best = null;
    int bestRank = -1;
    for (L4Route r : vs.tls()) {
      for (L4Match m : r.match()) {
        if (!selects(m, port, vs)) {
          continue;
        }
        anyChain = true;
        for (String h : m.sniHosts()) {
          int rank = sniRank(ServiceRegistry.resolveIstioHost(h, vs.meta().namespace()), fqdn);
          if (rank > bestRank) {
            bestRank = rank;
            best = r;
          }
        }
      }
    }
    if (best != null) {
      return new TcpProxyRoute(dflt, routes.weightedClusters(best.route(), vs, port));
    }
    return anyChain ? TcpProxyRoute.NO_FILTER_CHAIN : TcpProxyRoute.to(dflt);
  }

  /** A block's port and proxy selectors (sourceLabels, sourceNamespace, gateways). */
  private boolean selects(L4Match m, PortSpec port, VirtualService vs) {
    boolean onPort = m.port() == null || m.port() == port.port();
    return onPort && routes.selectsProxy(m.gateways(), m.sourceNamespace(), m.sourceLabels(), vs);
  }

  /**
   * How well an SNI pattern names {@code host}, as Envoy's {@code server_names} matching ranks it:
   * -1 not at all; an exact name above any wildcard; a longer {@code *.suffix} above a shorter one.
   */
  private static int sniRank(String pattern, String host) {
    if (pattern.equals(host)) {
      return Integer.MAX_VALUE;
    }
    return covers(pattern, host) ? pattern.length() : -1;
  }

  /** Envoy's {@code server_names} match: the exact name, or {@code *.suffix} for names under it. */
  private static boolean covers(String pattern, String name) {
    return pattern.equals(name) || pattern.equals("*")
        || (pattern.startsWith("*.") && name.endsWith(pattern.substring(1)));
  }
}
