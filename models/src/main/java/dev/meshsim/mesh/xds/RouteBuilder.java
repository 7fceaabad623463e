package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpMirror;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.routing.FaultPolicy;
import dev.meshsim.mesh.routing.MirrorPolicy;
import dev.meshsim.mesh.routing.RetryPolicy;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.RouteMatcher;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.scenario.PortSpec;
import dev.meshsim.scenario.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds one proxy's virtual hosts from VirtualServices, as istio's {@code route.BuildHTTPRoutes…}
 * does: match blocks that do not select this proxy ({@code sourceLabels}, {@code sourceNamespace},
 * {@code gateways}) or this port are dropped, and a route whose every block was dropped is dropped.
 */
final class RouteBuilder {
  /**
   * istio {@code applyHTTPRouteDestination}: a route of Gateway API semantics sets {@code
   * cluster_not_found_response_code: INTERNAL_SERVER_ERROR}, the Gateway API's 500 for an invalid backend.
   */
  private static final int GATEWAY_API_CLUSTER_NOT_FOUND_CODE = 500;
  /** istio {@code GetDestinationCluster}: the cluster of a destination without host (an invalid backendRef). */
  static final String UNKNOWN_SERVICE_CLUSTER = "UnknownService";
  private final ServiceRegistry registry;
  private final ProxyIdentity proxy;
  private final IstioProfile profile;
  private final Map<String, ClusterConfig> clusters;
  /** For a gateway's Envoy, the names ({@code ns/name}) of the Gateways it serves; null for a sidecar. */
  private final java.util.Set<String> gateways;

  /** @param clusters the proxy's clusters, to tell which routes go to a consistent-hash cluster */
  RouteBuilder(ServiceRegistry registry, ProxyIdentity proxy, IstioProfile profile, Map<String, ClusterConfig> clusters) {
    this(registry, proxy, profile, clusters, null);
  }

  /** @param gateways for a gateway's Envoy, the Gateways ({@code ns/name}) its routes are built for */
  RouteBuilder(ServiceRegistry registry, ProxyIdentity proxy, IstioProfile profile, Map<String, ClusterConfig> clusters,
      java.util.Set<String> gateways) {
    this.registry = registry;
    this.proxy = proxy;
    this.profile = profile;
    this.clusters = clusters;
    this.gateways = gateways;
  }

  VirtualHost virtualHost(ServiceSpec service, PortSpec port, VirtualService vs) {
    return virtualHost(service.fqdn(), port, vs);
  }

  /** The virtual host of {@code fqdn} (a Service or a ServiceEntry host) on {@code port}. */
  VirtualHost virtualHost(String fqdn, PortSpec port, VirtualService vs) {
    String name = fqdn + ":" + port.port();
    if (vs == null) {
      String cluster = ClusterConfig.outboundName(port.port(), null, fqdn);
      Route route = new Route("default", List.of(), List.of(new WeightedCluster(cluster, 1, null)),
          0, profile.defaultRetryPolicy(false), FaultPolicy.NONE);
      return new VirtualHost(name, List.of(route), false);
    }
    List<Route> routes = new ArrayList<>();
    for (HttpRoute httpRoute : vs.http()) {
      Route route = translate(httpRoute, vs, port);
      if (route != null) {
        routes.add(route);
      }
    }
    return new VirtualHost(name, routes, true);
  }

  private Route translate(HttpRoute httpRoute, VirtualService vs, PortSpec port) {
    List<RouteMatcher> matchers = new ArrayList<>();
    for (HttpMatchRequest match : httpRoute.match()) {
      if (selectsProxy(match, vs) && (match.port() == null || match.port() == port.port())) {
        matchers.add(RouteMatchTranslation.translate(match));
      }
    }
    if (!httpRoute.match().isEmpty() && matchers.isEmpty()) {
      return null;
    }
    long timeout = httpRoute.timeoutNanos() == null ? 0 : httpRoute.timeoutNanos();
    List<WeightedCluster> destinations = destinations(httpRoute, vs, port);
    // istio route.go: a redirect or direct response becomes the route's action instead of a cluster.
    int directReply = httpRoute.directReply() == null ? 0 : httpRoute.directReply().code();
    return new Route(httpRoute.name(), matchers, destinations, timeout,
        RoutePolicies.retry(httpRoute.retries(), profile, consistentHash(httpRoute, destinations)),
        RoutePolicies.fault(httpRoute.fault()), directReply, mirrors(httpRoute, vs, port, timeout),
        RewriteTranslation.of(httpRoute.rewrite(), httpRoute.headers().request()),
        vs.fromGatewayApi() ? GATEWAY_API_CLUSTER_NOT_FOUND_CODE : Route.DEFAULT_CLUSTER_NOT_FOUND_CODE);
  }

  /**
   * istio {@code route.go}: each mirror becomes a {@code request_mirror_policies} entry for the
   * mirror destination's cluster (named as a route destination's is); a 0% mirror is left out, as
   * istio's {@code MirrorPercent} returns none for it.
   */
  private List<MirrorPolicy> mirrors(HttpRoute httpRoute, VirtualService vs, PortSpec port, long timeout) {
    List<MirrorPolicy> out = new ArrayList<>();
    for (HttpMirror m : httpRoute.mirrors()) {
      if (m.percent() <= 0) {
        continue;
      }
      String fqdn = ServiceRegistry.resolveIstioHost(m.destination().host(), vs.meta().namespace());
      String cluster = ClusterConfig.outboundName(destinationPort(m.destination().port(), fqdn, port),
          m.destination().subset(), fqdn);
      Route shadow = new Route(httpRoute.name(), List.of(), List.of(new WeightedCluster(cluster, 1, m.destination().subset())),
          timeout, RetryPolicy.NONE, FaultPolicy.NONE);
      out.add(new MirrorPolicy(cluster, m.percent(), shadow));
    }
    return out;
  }

  /**
   * istio {@code applyHTTPRouteDestination}: a route with a single destination whose cluster hashes
   * gets the retry policy without {@code previous_hosts}; a weighted route keeps it.
   */
  private boolean consistentHash(HttpRoute httpRoute, List<WeightedCluster> destinations) {
    if (httpRoute.route().size() != 1) {
      return false;
    }
    ClusterConfig cluster = clusters.get(destinations.get(0).clusterName());
    return cluster != null && cluster.settings().lbPolicy().consistentHash();
  }

  private boolean selectsProxy(HttpMatchRequest match, VirtualService vs) {
    return selectsProxy(match.gateways(), match.sourceNamespace(), match.sourceLabels(), vs);
  }

  /** Whether a match block with these proxy selectors (an http, tcp or tls one) applies to this proxy. */
  boolean selectsProxy(List<String> matchGateways, String sourceNamespace, Map<String, String> sourceLabels,
      VirtualService vs) {
    List<String> bound = matchGateways.isEmpty() ? vs.gateways() : matchGateways;
    boolean mesh = this.gateways == null ? bound.isEmpty() || bound.contains("mesh")
        : GatewayConfig.boundTo(bound, vs.meta().namespace(), this.gateways);
    boolean namespace = sourceNamespace == null || sourceNamespace.equals(proxy.namespace());
    return mesh && namespace && containsAll(proxy.labels(), sourceLabels);
  }

  private static boolean containsAll(Map<String, String> labels, Map<String, String> selector) {
    return labels.entrySet().containsAll(selector.entrySet());
  }

  /**
   * Weighted clusters. A lone destination takes all traffic whatever its weight; with several,
   * weight-0 entries are dropped (istio {@code route.go}).
   */
  private List<WeightedCluster> destinations(HttpRoute httpRoute, VirtualService vs, PortSpec port) {
    return weightedClusters(httpRoute.route(), vs, port);
  }

  /** The weighted clusters of {@code all} (an http, tcp or tls route's destinations) on {@code port}. */
  List<WeightedCluster> weightedClusters(List<HttpRouteDestination> all, VirtualService vs, PortSpec port) {
    List<WeightedCluster> clusters = new ArrayList<>();
    for (HttpRouteDestination d : all) {
      if (all.size() > 1 && d.weight() == 0) {
        continue;
      }
      if (d.destination().host().isEmpty()) {
        clusters.add(new WeightedCluster(UNKNOWN_SERVICE_CLUSTER, all.size() == 1 ? 1 : d.weight(), null));
        continue;
      }
      String fqdn = ServiceRegistry.resolveIstioHost(d.destination().host(), vs.meta().namespace());
      int destPort = destinationPort(d.destination().port(), fqdn, port);
      String cluster = ClusterConfig.outboundName(destPort, d.destination().subset(), fqdn);
      clusters.add(new WeightedCluster(cluster, all.size() == 1 ? 1 : d.weight(), d.destination().subset(),
          RewriteTranslation.headers(d.headers().request())));
    }
    return clusters;
  }

  /** The port named by the destination, else the service's only port, else the listener's. */
  private int destinationPort(Integer explicit, String fqdn, PortSpec listenerPort) {
    if (explicit != null) {
      return explicit;
    }
    ServiceSpec target = registry.service(fqdn);
    if (target != null && target.ports().size() == 1) {
      return target.ports().get(0).port();
    }
    return listenerPort.port();
  }
}
