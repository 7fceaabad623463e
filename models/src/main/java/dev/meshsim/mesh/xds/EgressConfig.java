package dev.meshsim.mesh.xds;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.DestinationRuleLookup;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.istio.ServiceEntry;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.TrafficPolicy;
import dev.meshsim.mesh.kube.PodView;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.routing.FaultPolicy;
import dev.meshsim.mesh.routing.RetryPolicy;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.routing.TcpProxyRoute;
import dev.meshsim.scenario.IstioProtocol;
import dev.meshsim.scenario.PortSpec;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The egress part of one sidecar's config: a cluster {@code outbound|port||host} and a virtual host
 * per ServiceEntry host and port the proxy sees ({@code exportTo}), with the DestinationRules and
 * VirtualServices for that host, as istiod builds them for a Service; then, with {@code ALLOW_ANY},
 * Istio's {@code allow_any} route to {@code PassthroughCluster} for every other external host.
 *
 * <p>Endpoints: an entry with a {@code workloadSelector} has the mesh pods it selects; a {@code
 * DNS}, {@code DNS_ROUND_ROBIN} or {@code NONE} entry reaches the host's external server (what DNS
 * or the original destination gives); a {@code STATIC} entry without {@code endpoints} has none
 * (Envoy answers {@code 503 UH}). A host that no external server answers has no endpoints either.
 */
final class EgressConfig {
  /** Envoy's name of Istio's original-destination cluster ({@code pilot/pkg/networking/util}). */
  static final String PASSTHROUGH = "PassthroughCluster";
  /** Istio's route name for passthrough, {@code util.Passthrough}. */
  static final String ALLOW_ANY_ROUTE = "allow_any";

  private final ServiceRegistry registry;
  private final IstioConfig istio;
  private final IstioProfile profile;

  EgressConfig(ServiceRegistry registry, IstioConfig istio, IstioProfile profile) {
    this.registry = registry;
    this.istio = istio;
    this.profile = profile;
  }

  /** Every host a ServiceEntry declares (any namespace), for the VirtualService index. */
  static Set<String> serviceEntryHosts(IstioConfig istio) {
    Set<String> hosts = new LinkedHashSet<>();
    istio.serviceEntries().forEach(e -> hosts.addAll(e.hosts()));
    return hosts;
  }

  /**
   * The ServiceEntry each host:port resolves to for this proxy: the oldest one exported to its
   * namespace ({@code exportTo}) and in its Sidecar's scope that declares it.
   */
  Map<String, ServiceEntry> entriesFor(ProxyIdentity proxy, ProxyScope scope) {
    Map<String, ServiceEntry> byHostPort = new LinkedHashMap<>();
    for (ServiceEntry entry : istio.serviceEntries()) {
      if (!entry.visibleFrom(proxy.namespace())) {
        continue;
      }
      for (String host : entry.hosts()) {
        if (host.contains("*") && !WildcardEntries.isWildcard(host)) {
          continue; // a partial wildcard: the loader warns that it is dropped
        }
        for (ServiceEntry.Port port : entry.ports()) {
          if (scope.importsEntry(host, entry.meta().namespace(), port.number())) {
            byHostPort.putIfAbsent(host + ":" + port.number(), entry);
          }
        }
      }
    }
    return byHostPort;
  }

  /** Adds the ServiceEntry clusters to {@code clusters}. */
  void addClusters(Map<String, ClusterConfig> clusters, Map<String, ServiceEntry> entries, ProxyIdentity proxy) {
    boolean gateway = !GatewayConfig.gatewaysOf(istio, proxy).isEmpty();
    entries.forEach((hostPort, entry) -> {
      String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
      PortSpec port = portOf(entry, hostPort);
      boolean wildcard = WildcardEntries.isWildcard(host) && entry.workloadSelector().isEmpty();
      List<PodView> pods = wildcard ? WildcardEntries.endpoints(entry, registry) : endpoints(entry, host);
      boolean originalDst = wildcard && WildcardEntries.originalDst(entry, gateway);
      List<DestinationRule> rules = DestinationRuleLookup.rulesFor(istio.destinationRules(), host,
          entry.meta().namespace(), proxy.namespace());
      TrafficPolicy policy = rules.isEmpty() ? null : firstPolicy(rules);
      String all = ClusterConfig.outboundName(port.port(), null, host);
      clusters.put(all, cluster(all, pods, port, TrafficPolicy.effective(policy, null, port.port()), originalDst));
      for (DestinationRule rule : rules) {
        for (Subset subset : rule.subsets()) {
          String name = ClusterConfig.outboundName(port.port(), subset.name(), host);
          List<PodView> members = pods.stream()
              .filter(p -> p.labels().entrySet().containsAll(subset.labels().entrySet())).toList();
          clusters.putIfAbsent(name, cluster(name, members, port,
              TrafficPolicy.effective(policy, subset.trafficPolicy(), port.port()), originalDst));
        }
      }
    });
  }

  /** Adds the ServiceEntry virtual hosts, then (ALLOW_ANY) passthrough ones with their clusters. */
  void addRoutes(Map<String, VirtualHost> hosts, Map<String, ClusterConfig> clusters,
      Map<String, ServiceEntry> entries, RouteBuilder routes,
      java.util.function.Function<String, VirtualService> virtualServiceFor,
      OutboundTrafficPolicy policy, TcpListeners tcp) {
    entries.forEach((hostPort, entry) -> {
      String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
      PortSpec port = portOf(entry, hostPort);
      VirtualService vs = virtualServiceFor.apply(host);
      if (!tcp.addIfTcp(host, port, vs)) {
        hosts.put(hostPort, routes.virtualHost(host, port, vs));
      }
    });
    if (policy != OutboundTrafficPolicy.ALLOW_ANY) {
      // REGISTRY_ONLY: the virtual outbound listener's tcp_proxy to BlackHoleCluster, a STATIC
      // cluster without endpoints (istio cluster_builder.go buildBlackHoleCluster).
      clusters.put(RouteConfiguration.BLACK_HOLE_CLUSTER, cluster(RouteConfiguration.BLACK_HOLE_CLUSTER, List.of(),
          new PortSpec("", 0, IstioProtocol.TCP), null));
      return;
    }
    for (ServiceRegistry.External external : registry.externals()) {
      for (int port : external.ports()) {
        String key = external.host() + ":" + port;
        if (!hosts.containsKey(key) && !tcp.routes().containsKey(key)
            && !WildcardEntries.covered(entries, external.host(), port)) {
          boolean http = tcp.hasHttpListener(port);
          passthroughTo(hosts, clusters, tcp, key, external.pods(),
              new PortSpec("", port, http ? IstioProtocol.AUTO : IstioProtocol.TCP), http, null);
        }
      }
    }
  }

  /**
   * ALLOW_ANY for a mesh Service the proxy's Sidecar does not import: no virtual host matches, so
   * the call takes the {@code allow_any} route to PassthroughCluster, whose original destination is
   * the Service's ClusterIP, which kube-proxy sends to one of its pods at random; no DestinationRule
   * or VirtualService applies. (kube-proxy picks per connection; meshsim per request.)
   */
  void addPassthrough(Map<String, VirtualHost> hosts, Map<String, ClusterConfig> clusters, String key,
      List<PodView> pods, PortSpec port, TcpListeners tcp) {
    TrafficPolicy random = new TrafficPolicy(new dev.meshsim.istio.LoadBalancerSettings(
        dev.meshsim.istio.LoadBalancerSettings.Simple.RANDOM, null), null, null, List.of());
    // A TCP port out of scope takes the virtual outbound listener's tcp_proxy instead.
    boolean http = TcpListeners.outboundHttp(port.protocol(), istio.protocolDetection());
    passthroughTo(hosts, clusters, tcp, key, pods,
        http ? new PortSpec("", port.port()) : new PortSpec("", port.port(), IstioProtocol.TCP), http, random);
  }

  /**
   * PassthroughCluster for {@code key}: on a port with an HTTP listener its {@code allow_any}
   * virtual host, else the virtual outbound listener's {@code tcp_proxy} to it.
   */
  private void passthroughTo(Map<String, VirtualHost> hosts, Map<String, ClusterConfig> clusters, TcpListeners tcp,
      String key, List<PodView> pods, PortSpec clusterPort, boolean http, TrafficPolicy policy) {
    String cluster = PASSTHROUGH + "|" + key;
    clusters.put(cluster, cluster(cluster, pods, clusterPort, policy));
    if (http) {
      hosts.put(key, passthrough(key, cluster));
    } else {
      tcp.add(key, new TcpProxyRoute(PASSTHROUGH, List.of(new WeightedCluster(cluster, 1, null))));
    }
  }

  /**
   * Istio's catch-all route for ALLOW_ANY ({@code buildCatchAllVirtualHost}): to PassthroughCluster,
   * timeout disabled, no retry policy.
   */
  private static VirtualHost passthrough(String name, String cluster) {
    Route route = new Route(ALLOW_ANY_ROUTE, List.of(), List.of(new WeightedCluster(cluster, 1, null)), 0,
        RetryPolicy.NONE, FaultPolicy.NONE);
    return new VirtualHost(ALLOW_ANY_ROUTE + "|" + name, List.of(route), false);
  }

  private List<PodView> endpoints(ServiceEntry entry, String host) {
    if (!entry.workloadSelector().isEmpty()) {
      return selectedPods(entry);
    }
    ServiceRegistry.External external = registry.external(host);
    if (external == null || (entry.resolution() == ServiceEntry.Resolution.STATIC && entry.endpoints().isEmpty())) {
      return List.of();
    }
    return external.pods();
  }

  /**
   * A ServiceEntry with a {@code workloadSelector}: its endpoints are the ready pods of its namespace
   * whose labels the selector matches (istio's ServiceEntry controller, {@code workloadSelector}
   * selecting Pods and WorkloadEntries of the entry's namespace), in registry order.
   */
  private List<PodView> selectedPods(ServiceEntry entry) {
    List<PodView> out = new java.util.ArrayList<>();
    for (dev.meshsim.scenario.ServiceSpec service : registry.services()) {
      if (!service.namespace().equals(entry.meta().namespace())) {
        continue;
      }
      for (PodView pod : registry.pods(service.fqdn())) {
        if (pod.labels().entrySet().containsAll(entry.workloadSelector().entrySet()) && !out.contains(pod)) {
          out.add(pod);
        }
      }
    }
    return out;
  }

  private static PortSpec portOf(ServiceEntry entry, String hostPort) {
    int number = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    for (ServiceEntry.Port p : entry.ports()) {
      if (p.number() == number) {
        return new PortSpec(p.name(), number, IstioProtocol.ofServiceEntry(p.protocol()));
      }
    }
    throw new IllegalStateException("no port " + number);
  }

  private static TrafficPolicy firstPolicy(List<DestinationRule> rules) {
    for (DestinationRule r : rules) {
      if (r.trafficPolicy() != null) {
        return r.trafficPolicy();
      }
    }
    return null;
  }

  private ClusterConfig cluster(String name, List<PodView> pods, PortSpec port, TrafficPolicy policy) {
    return cluster(name, pods, port, policy, false);
  }

  /** @param originalDst an ORIGINAL_DST cluster ({@link WildcardEntries}): no endpoints, the destination is the host */
  private ClusterConfig cluster(String name, List<PodView> pods, PortSpec port, TrafficPolicy policy,
      boolean originalDst) {
    List<Endpoint> endpoints = pods.stream().map(p -> new Endpoint(p.name(), p.ip(), port.port())).toList();
    var settings = ClusterPolicies.settings(policy, port, profile);
    return originalDst ? new ClusterConfig(name, List.of(), WildcardEntries.originalDst(settings))
        : new ClusterConfig(name, endpoints, settings);
  }
}
