package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.scenario.ServiceSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One version of what istiod pushes, like its {@code PushContext}: the Istio config and the
 * endpoints as they were when the push started, and the config generated from them for each kind
 * of proxy, on demand.
 *
 * <p>Generation is shared as far as the result allows: a proxy's config depends only on its
 * namespace (DestinationRule lookup, {@code sourceNamespace}), on the labels some VirtualService
 * matches with {@code sourceLabels} and on its locality (failover priorities), so proxies that agree
 * on those share one {@link ProxyConfig}.
 * A mesh of thousands of sidecars in a few namespaces generates a few configs per push. Clusters
 * are interned across versions, so an unchanged cluster keeps its instance (and the sidecars their
 * per-cluster state) from one push to the next.
 */
final class PushContext {
  private final long version;
  private final IstioConfig istio;
  private final ServiceRegistry endpoints;
  private final IstioProfile profile;
  private final ClusterInterner interner;
  private final TreeSet<String> sourceLabelKeys;
  private final ConfigGenerator generator;
  private final Map<ProxyIdentity, ProxyConfig> configs = new HashMap<>();
  /** Routes of the previous version, reusable when only endpoints changed. */
  private final Map<ProxyIdentity, RouteConfiguration> inheritedRoutes;
  private final int servicePorts;
  /** What each kind of proxy depends on ({@link ProxyDependencies}), computed when a push asks. */
  private final Map<ProxyIdentity, ProxyDependencies> dependencies = new HashMap<>();
  private VirtualServiceIndex dependencyIndex;
  /** Service ports with a virtual host, per proxy kind, when Sidecars scope them. */
  private final Map<ProxyIdentity, Integer> importedPorts = new HashMap<>();

  private PushContext(long version, IstioConfig istio, ServiceRegistry endpoints, IstioProfile profile,
      ClusterInterner interner, Map<ProxyIdentity, RouteConfiguration> inheritedRoutes) {
    this.version = version;
    this.istio = istio;
    this.endpoints = endpoints;
    this.profile = profile;
    this.interner = interner;
    this.sourceLabelKeys = sourceLabelKeys(istio);
    this.generator = new ConfigGenerator(endpoints, istio, profile);
    this.inheritedRoutes = inheritedRoutes;
    int ports = 0;
    for (ServiceSpec s : endpoints.services()) {
      ports += s.ports().size();
    }
    this.servicePorts = ports;
  }

  /** A full push context: new Istio config and endpoints. */
  static PushContext full(long version, IstioConfig istio, ServiceRegistry endpoints, IstioProfile profile,
      ClusterInterner interner) {
    return new PushContext(version, istio, endpoints, profile, interner, Map.of());
  }

  /** The context of an endpoints-only push: this config, new endpoints, the same routes. */
  PushContext withEndpoints(long newVersion, ServiceRegistry newEndpoints) {
    Map<ProxyIdentity, RouteConfiguration> routes = new HashMap<>(inheritedRoutes);
    configs.forEach((key, config) -> routes.put(key, config.routes()));
    return new PushContext(newVersion, istio, newEndpoints, profile, interner, routes);
  }

  long version() {
    return version;
  }

  IstioConfig istio() {
    return istio;
  }

  /** Warnings of this config (duplicate VirtualServices, unknown hosts). */
  List<String> warnings() {
    return generator.warnings();
  }

  /** The config for a proxy. */
  ProxyConfig configFor(ProxyIdentity proxy) {
    ProxyIdentity key = key(proxy);
    ProxyConfig config = configs.get(key);
    if (config == null) {
      config = intern(key, generator.configFor(key));
      configs.put(key, config);
    }
    return config;
  }

  /**
   * What istiod works through to build this context ({@code initPushContext}): every service port,
   * VirtualService, DestinationRule and Sidecar.
   */
  long contextResources() {
    // initSidecarScopes converts each Sidecar resource too.
    return servicePorts + istio.virtualServices().size() + istio.destinationRules().size() + istio.sidecars().size();
  }

  /**
   * What istiod generates for one proxy: its clusters and virtual hosts (one per service port its
   * Sidecar imports; every one without Sidecars).
   * meshsim's per-destination passthrough clusters do not count: Envoy has one PassthroughCluster
   * in every config whatever the external hosts (see {@link EgressConfig}).
   */
  long proxyResources(ProxyIdentity proxy, boolean full) {
    Map<String, ClusterConfig> all = configFor(proxy).clusters();
    long clusters = endpoints.externals().isEmpty() && istio.sidecars().isEmpty() ? all.size()
        : all.keySet().stream().filter(name -> !name.startsWith(EgressConfig.PASSTHROUGH + "|")).count();
    if (!full) {
      return clusters;
    }
    // A Sidecar's scope: virtual hosts only for the service ports it imports.
    return clusters + (istio.sidecars().isEmpty() ? servicePorts : importedPorts.computeIfAbsent(key(proxy),
        generator::importedServicePorts));
  }

  /** The config {@code proxy}'s scope in this context depends on (istiod's {@code DependsOnConfig}). */
  ProxyDependencies dependenciesOf(ProxyIdentity proxy) {
    return dependencies.computeIfAbsent(key(proxy), k -> {
      if (dependencyIndex == null) {
        dependencyIndex = new VirtualServiceIndex(istio.virtualServices(), endpoints,
            EgressConfig.serviceEntryHosts(istio));
      }
      return new ProxyDependencies(istio, endpoints, dependencyIndex, k);
    });
  }

  /** Distinct proxy configs generated so far (for memory and speed figures). */
  int generatedConfigs() {
    return configs.size();
  }

  /**
   * The part of a proxy's identity its config depends on: its namespace, the labels some {@code
   * sourceLabels} reads, and its locality (endpoint priorities are relative to it).
   */
  private ProxyIdentity key(ProxyIdentity proxy) {
    if (sourceLabelKeys.isEmpty()) {
      return new ProxyIdentity(proxy.namespace(), Map.of(), proxy.locality());
    }
    Map<String, String> kept = new TreeMap<>();
    for (Map.Entry<String, String> e : proxy.labels().entrySet()) {
      if (sourceLabelKeys.contains(e.getKey())) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return new ProxyIdentity(proxy.namespace(), kept, proxy.locality());
  }

  private ProxyConfig intern(ProxyIdentity key, ProxyConfig generated) {
    Map<String, ClusterConfig> clusters = new LinkedHashMap<>();
    generated.clusters().forEach((name, cc) -> clusters.put(name, interner.intern(cc)));
    RouteConfiguration routes = inheritedRoutes.getOrDefault(key, generated.routes());
    return new ProxyConfig(routes, clusters);
  }

  private static TreeSet<String> sourceLabelKeys(IstioConfig istio) {
    TreeSet<String> keys = new TreeSet<>();
    for (VirtualService vs : istio.virtualServices()) {
      for (HttpRoute route : vs.http()) {
        for (HttpMatchRequest match : route.match()) {
          keys.addAll(match.sourceLabels().keySet());
        }
      }
    }
    istio.gateways().forEach(g -> keys.addAll(g.selector().keySet())); // which pods are gateways
    istio.sidecars().forEach(s -> keys.addAll(s.workloadSelector().keySet())); // which Sidecar applies
    return keys;
  }

  /** Keeps one instance per distinct cluster content, across versions. */
  static final class ClusterInterner {
    private final Map<ClusterConfig, ClusterConfig> instances = new HashMap<>();

    ClusterConfig intern(ClusterConfig cc) {
      ClusterConfig known = instances.putIfAbsent(cc, cc);
      return known == null ? cc : known;
    }

    int size() {
      return instances.size();
    }
  }
}
