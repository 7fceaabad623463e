package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.kube.PodView;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.DestinationRuleLookup;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.istio.SidecarScope;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.TrafficPolicy;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.mesh.upstream.ClusterSettings;
import dev.meshsim.scenario.Locality;
import dev.meshsim.scenario.PortSpec;
import dev.meshsim.scenario.ServiceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istiod's translation of services, pods and Istio resources into one sidecar's Envoy config, as
 * {@code pilot/pkg/networking/core} does it for outbound HTTP: a virtual host per (service, port),
 * built from the VirtualService for that host or Istio's default route; a cluster per service port
 * ({@code outbound|port||fqdn}) and per DestinationRule subset ({@code outbound|port|subset|fqdn}),
 * whose endpoints get failover priorities relative to the proxy's locality when it has outlier
 * detection. A proxy's {@code Sidecar} resource narrows what it gets ({@link SidecarScope}): a
 * service port it does not import has no cluster and no virtual host, and its calls take Istio's
 * catch-all, {@code PassthroughCluster} under ALLOW_ANY, the {@code block_all} 502 under REGISTRY_ONLY.
 */
public final class ConfigGenerator {
  private final ServiceRegistry registry;
  private final IstioConfig istio;
  private final VirtualServiceIndex virtualServices;
  private final IstioProfile profile;
  private final EgressConfig egress;
  private final Map<ProxyIdentity, ProxyConfig> cache = new HashMap<>();

  public ConfigGenerator(ServiceRegistry registry, IstioConfig istio, IstioProfile profile) {
    this.registry = registry;
    this.istio = istio;
    this.profile = profile;
    this.virtualServices = new VirtualServiceIndex(istio.virtualServices(), registry,
        EgressConfig.serviceEntryHosts(istio));
    this.egress = new EgressConfig(registry, istio, profile);
  }

  /** Warnings found while indexing the config, e.g. VirtualServices dropped as duplicates. */
  public List<String> warnings() {
    return virtualServices.warnings();
  }

  /** The config for a proxy; proxies with equal identities share one instance. */
  public ProxyConfig configFor(ProxyIdentity proxy) {
    return cache.computeIfAbsent(proxy, this::generate);
  }

  private ProxyConfig generate(ProxyIdentity proxy) {
    java.util.Set<String> gateways = GatewayConfig.gatewaysOf(istio, proxy);
    SidecarScope scope = scopeOf(proxy, gateways);
    ProxyScope view = new ProxyScope(scope, proxy.namespace(), virtualServices);
    OutboundTrafficPolicy policy = scope.outboundPolicy(istio.outboundPolicy());
    Map<String, VirtualHost> hosts = new LinkedHashMap<>();
    Map<String, ClusterConfig> clusters = new LinkedHashMap<>();
    for (ServiceSpec service : registry.services()) {
      if (!view.needsClusters(service.fqdn(), service.namespace()) || !visible(service, proxy)) {
        continue;
      }
      MergedRule rule = ruleFor(service, proxy.namespace());
      for (PortSpec port : service.ports()) {
        if (view.needsCluster(service.fqdn(), service.namespace(), port.port())) {
          addClusters(clusters, service, port, rule, proxy.locality());
        }
      }
    }
    Map<String, dev.meshsim.istio.ServiceEntry> entries = egress.entriesFor(proxy, view);
    egress.addClusters(clusters, entries, proxy);
    // Routes after clusters: a route's retry policy depends on whether its cluster hashes.
    RouteBuilder routes = new RouteBuilder(registry, proxy, profile, clusters);
    TcpListeners tcp = new TcpListeners(routes, istio.protocolDetection());
    for (ServiceSpec service : registry.services()) {
      for (PortSpec port : service.ports()) {
        String key = service.fqdn() + ":" + port.port();
        VirtualService vs = view.virtualServiceFor(service.fqdn());
        // An imported VirtualService brings its host's virtual host even when the Sidecar does not
        // import the service itself (istiod builds virtual hosts from the listener's VirtualServices too).
        // A Service not exported to the proxy's namespace is not in its registry at all: no cluster,
        // and its VirtualServices build no virtual host for it (istio route.go
        // buildSidecarVirtualHostsForVirtualService matches VirtualService hosts to that registry).
        boolean visible = visible(service, proxy);
        if ((vs != null && visible) || (visible && scope.imports(service.fqdn(), service.namespace(), port.port()))) {
          if (!tcp.addIfTcp(service.fqdn(), port, vs)) {
            hosts.put(key, routes.virtualHost(service, port, vs));
          }
        } else if (policy == OutboundTrafficPolicy.ALLOW_ANY) {
          egress.addPassthrough(hosts, clusters, key, registry.pods(service.fqdn()), port, tcp);
        }
      }
    }
    if (!gateways.isEmpty()) {
      // A gateway's Envoy: only the virtual hosts of its Gateways' servers (istiod's gateway.go).
      RouteConfiguration gatewayRoutes = new RouteConfiguration(
          GatewayConfig.virtualHosts(istio, gateways, registry, proxy, profile, clusters), false,
          GatewayConfig.ports(istio, gateways));
      return new ProxyConfig(gatewayRoutes, clusters);
    }
    egress.addRoutes(hosts, clusters, entries, routes, view::virtualServiceFor, policy, tcp);
    return new ProxyConfig(new RouteConfiguration(hosts, policy == OutboundTrafficPolicy.REGISTRY_ONLY,
        java.util.Set.of(), tcp.routes(), tcp.httpPorts()), clusters);
  }

  /** How many service ports a proxy has a virtual host for (istiod's RDS work for it). */
  int importedServicePorts(ProxyIdentity proxy) {
    SidecarScope scope = scopeOf(proxy, GatewayConfig.gatewaysOf(istio, proxy));
    ProxyScope view = new ProxyScope(scope, proxy.namespace(), virtualServices);
    int ports = 0;
    for (ServiceSpec service : registry.services()) {
      boolean visible = visible(service, proxy);
      boolean byVirtualService = visible && view.virtualServiceFor(service.fqdn()) != null;
      for (PortSpec port : service.ports()) {
        ports += byVirtualService || (visible && scope.imports(service.fqdn(), service.namespace(), port.port())) ? 1 : 0;
      }
    }
    return ports;
  }

  /**
   * Whether the Service is exported to the proxy's namespace (istio {@code IsServiceVisible}): istiod
   * builds each namespace's view from the Services exported to it, gateways' included.
   */
  private boolean visible(ServiceSpec service, ProxyIdentity proxy) {
    return istio.serviceExports().visible(service.fqdn(), service.namespace(), proxy.namespace());
  }

  /** Gateways always get the default scope (istio {@code getSidecarScope}); sidecars their Sidecar's. */
  private SidecarScope scopeOf(ProxyIdentity proxy, java.util.Set<String> gateways) {
    return gateways.isEmpty() ? SidecarScope.of(istio.sidecars(), proxy.namespace(), proxy.labels())
        : SidecarScope.DEFAULT;
  }

  private void addClusters(Map<String, ClusterConfig> clusters, ServiceSpec service, PortSpec port,
      MergedRule rule, Locality proxyLocality) {
    List<PodView> pods = registry.pods(service.fqdn());
    String all = ClusterConfig.outboundName(port.port(), null, service.fqdn());
    clusters.put(all, cluster(all, members(pods, Map.of()), port, settings(rule.policy(), null, port),
        proxyLocality));
    for (Subset subset : rule.subsets()) {
      String name = ClusterConfig.outboundName(port.port(), subset.name(), service.fqdn());
      ClusterSettings settings = settings(rule.policy(), subset.trafficPolicy(), port);
      clusters.putIfAbsent(name, cluster(name, members(pods, subset.labels()), port, settings, proxyLocality));
    }
  }

  /**
   * A cluster with its EDS priorities: with outlier detection, the mesh default {@code
   * localityLbSetting} ranks endpoints by locality relative to the proxy ({@link LocalityFailover});
   * without it they all share priority 0.
   */
  private static ClusterConfig cluster(String name, List<PodView> members, PortSpec port, ClusterSettings settings,
      Locality proxyLocality) {
    // The Envoy layer knows endpoints by address, not pods: translated here, as istiod does.
    List<Endpoint> endpoints = members.stream().map(p -> new Endpoint(p.name(), p.ip(), port.port())).toList();
    if (settings.outlier() == null) {
      return new ClusterConfig(name, endpoints, settings);
    }
    List<Locality> localities = members.stream().map(PodView::locality).toList();
    return new ClusterConfig(name, endpoints, settings, LocalityFailover.priorities(proxyLocality, localities));
  }

  /** Istio's {@code MergeSubsetTrafficPolicy}, then {@code applyTrafficPolicy}. */
  private ClusterSettings settings(TrafficPolicy destinationLevel, TrafficPolicy subsetLevel, PortSpec port) {
    return ClusterPolicies.settings(TrafficPolicy.effective(destinationLevel, subsetLevel, port.port()), port, profile,
        istio.mtls().autoMtls());
  }

  /** The DestinationRules a proxy sees for one host, merged: first top-level policy, first subset. */
  private record MergedRule(TrafficPolicy policy, List<Subset> subsets) {}

  /** The service's pods that the subset's labels select, in registry order. */
  private static List<PodView> members(List<PodView> pods, Map<String, String> selector) {
    List<PodView> members = new ArrayList<>();
    for (PodView pod : pods) {
      if (pod.labels().entrySet().containsAll(selector.entrySet())) {
        members.add(pod);
      }
    }
    return members;
  }

  /**
   * The merged DestinationRule a proxy in {@code proxyNamespace} sees for {@code service}: the rules
   * {@link DestinationRuleLookup} picks (proxy's namespace, service's, root; exportTo; the most
   * specific host, wildcards included) merge, the first traffic policy and the first definition of
   * a subset winning (istio.io, "Traffic Management Best Practices").
   */
  private MergedRule ruleFor(ServiceSpec service, String proxyNamespace) {
    Map<String, Subset> merged = new LinkedHashMap<>();
    TrafficPolicy policy = null;
    for (DestinationRule dr : DestinationRuleLookup.rulesFor(istio.destinationRules(), service.fqdn(),
        service.namespace(), proxyNamespace)) {
      policy = policy == null ? dr.trafficPolicy() : policy;
      dr.subsets().forEach(s -> merged.putIfAbsent(s.name(), s));
    }
    return new MergedRule(policy, List.copyOf(merged.values()));
  }
}
