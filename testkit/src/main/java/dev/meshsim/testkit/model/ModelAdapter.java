package dev.meshsim.testkit.model;

import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.xds.IstioProfile;
import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.routing.FaultPolicy;
import dev.meshsim.mesh.routing.RequestAttributes;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.RouteMatcher;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.xds.ConfigGenerator;
import dev.meshsim.mesh.xds.ProxyConfig;
import dev.meshsim.mesh.xds.ProxyIdentity;
import dev.meshsim.mesh.xds.RouteMatchTranslation;
import dev.meshsim.result.RunResult;
import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Static routing with the simulator's own pieces: istiod's {@code ConfigGenerator} builds the
 * client proxy's route configuration exactly as it does for the simulated sidecars at time 0, and
 * the request is matched by the same {@code VirtualHost.match}. What the sidecar then does without
 * any upstream (no route: 404 NR; a cluster the proxy lacks: 503 NC, or NR before Istio 1.10; a fault
 * abort that always fires: its code with FI) is decided here, following {@code Sidecar.route}.
 *
 * <p>Names none of the kit's records: a client is a namespace and labels ({@link ClientProxy}), and
 * answers are made by the caller's {@link Answers}, so the kit depends on this package and not the
 * other way round.
 *
 * <p>Not thread-safe (configs are cached per client identity); one instance per test is cheap.
 *
 * @param <D> the caller's route decision (see {@link Answers})
 * @param <S> the caller's share of a split
 * @param <R> the caller's route rule
 */
public final class ModelAdapter<D, S, R> {
  /** Istio's names for the virtual host and cluster of traffic to hosts outside the registry. */
  public static final String PASSTHROUGH_CLUSTER = "PassthroughCluster";
  public static final String ALLOW_ANY = "allow_any";

  private final Scenario scenario;
  private final IstioProfile profile;
  private final ConfigGenerator generator;
  /** By what the config depends on (the caller keeps the {@link ClientProxy} per workload). */
  private final Map<ProxyIdentity, ClientProxy> byIdentity = new HashMap<>();
  private final java.util.Set<String> sourceLabelKeys = new java.util.TreeSet<>();
  private final Answers<D, S, R> answers;
  private final Map<Route, R> rules = new java.util.IdentityHashMap<>();

  public ModelAdapter(Scenario scenario, Answers<D, S, R> answers) {
    this.scenario = scenario;
    this.answers = answers;
    this.profile = IstioProfile.of(scenario.istioVersion());
    ServiceRegistry registry = new ServiceRegistry();
    scenario.services().forEach(registry::addService);
    // Routes do not depend on endpoints, so a registry of services alone gives the sidecars' routes.
    this.generator = new ConfigGenerator(registry, scenario.istio(), profile);
    for (VirtualService vs : scenario.istio().virtualServices()) {
      vs.http().forEach(h -> h.match().forEach(m -> sourceLabelKeys.addAll(m.sourceLabels().keySet())));
    }
  }

  /** What istiod found odd while indexing the config (duplicate VirtualServices, unknown hosts). */
  public List<String> warnings() {
    return generator.warnings();
  }

  /** The sidecar config of a client pod in {@code namespace} with {@code labels}. */
  public ClientProxy client(String namespace, Map<String, String> labels) {
    return byIdentity.computeIfAbsent(identity(namespace, labels), id -> new ClientProxy(generator.configFor(id)));
  }

  /**
   * Routes a request from {@code client} to the service {@code fqdn} on {@code port}.
   *
   * @param randomValue picks among weighted clusters as Envoy does: {@code randomValue % total}
   */
  public D route(ClientProxy client, String fqdn, int port, HttpRequestSpec request, long randomValue) {
    ProxyConfig config = client.config;
    RequestAttributes attributes = RequestAttributes.of(request);
    VirtualHost vhost = config.routes().virtualHost(fqdn, port);
    if (vhost == null) {
      return forwarded(PASSTHROUGH_CLUSTER, ALLOW_ANY, ALLOW_ANY, 1.0, null);
    }
    Route route = vhost.match(attributes);
    if (route == null) {
      return localReply(null, null, vhost.name(), 0, 404, "NR", null);
    }
    if (route.directReplyCode() > 0) {
      // A redirect or direct response: the router answers it, no cluster, no flag.
      return localReply(null, route.name(), vhost.name(), 1.0, route.directReplyCode(), "-",
          rule(route, fqdn));
    }
    WeightedCluster picked = pick(route, randomValue);
    double share = share(route, picked);
    R rule = rule(route, fqdn);
    FaultPolicy fault = route.fault();
    if (fault.abortCode() > 0 && fault.abortPercent() >= 100) {
      return localReply(picked.clusterName(), route.name(), vhost.name(), share, fault.abortCode(), "FI", rule);
    }
    if (config.cluster(picked.clusterName()) == null) {
      String flag = profile.missingClusterFlag().shortName();
      return localReply(picked.clusterName(), route.name(), vhost.name(), share, 503, flag, rule);
    }
    return forwarded(picked.clusterName(), route.name(), vhost.name(), share, rule);
  }

  /** Every cluster the matched route may pick, with its weight; empty when no route matches. */
  public List<S> destinations(ClientProxy client, String fqdn, int port, HttpRequestSpec request) {
    ProxyConfig config = client.config;
    VirtualHost vhost = config.routes().virtualHost(fqdn, port);
    if (vhost == null) {
      return List.of(answers.share(PASSTHROUGH_CLUSTER, 1, 1.0, null, true));
    }
    Route route = vhost.match(RequestAttributes.of(request));
    if (route == null) {
      return List.of();
    }
    int total = totalWeight(route);
    List<S> out = new ArrayList<>(route.clusters().size());
    for (WeightedCluster c : route.clusters()) {
      out.add(answers.share(c.clusterName(), c.weight(), (double) c.weight() / total, c.subset(),
          config.cluster(c.clusterName()) != null));
    }
    return out;
  }

  private D forwarded(String cluster, String routeName, String virtualHost, double share, R rule) {
    return answers.decision(cluster, routeName, virtualHost, share, 0, "-", rule);
  }

  private D localReply(String cluster, String routeName, String virtualHost, double share, int code, String flag,
      R rule) {
    return answers.decision(cluster, routeName, virtualHost, share, code, flag, rule);
  }

  /** Runs {@code s} through the full simulation. */
  public static RunResult simulate(Scenario s) {
    return MeshSimulation.run(s);
  }

  /**
   * What a proxy's routes depend on, as istiod's push context keys shared configs: the namespace
   * and only the labels some {@code sourceLabels} reads (locality changes endpoints, not routes).
   */
  private ProxyIdentity identity(String namespace, Map<String, String> labels) {
    Map<String, String> kept = new java.util.TreeMap<>();
    labels.forEach((k, v) -> {
      if (sourceLabelKeys.contains(k)) {
        kept.put(k, v);
      }
    });
    return new ProxyIdentity(namespace, kept);
  }

  /** Envoy's weighted-cluster pick (router {@code WeightedClustersConfig}): value mod total, running sum. */
  private static WeightedCluster pick(Route route, long randomValue) {
    List<WeightedCluster> clusters = route.clusters();
    long selected = Long.remainderUnsigned(randomValue, totalWeight(route));
    long sum = 0;
    for (WeightedCluster c : clusters) {
      sum += c.weight();
      if (selected < sum) {
        return c;
      }
    }
    return clusters.get(clusters.size() - 1);
  }

  private static int totalWeight(Route route) {
    int total = 0;
    for (WeightedCluster c : route.clusters()) {
      total += c.weight();
    }
    return total;
  }

  private static double share(Route route, WeightedCluster picked) {
    return (double) picked.weight() / totalWeight(route);
  }

  /** The VirtualService {@code http[]} entry a route was built from (cached). */
  private R rule(Route route, String fqdn) {
    return rules.computeIfAbsent(route, r -> findRule(r, fqdn));
  }

  /**
   * The entry is found by the match blocks the route kept (an entry whose blocks, translated as
   * istiod translates them, include every matcher of the route, with the same name), or, for a route
   * without matches, as the catch-all entry of the VirtualService istiod chose for the host: the
   * oldest one that names it and applies to sidecars.
   */
  private R findRule(Route route, String fqdn) {
    VirtualService vs = virtualServiceFor(fqdn);
    if (vs == null) {
      return null;
    }
    for (int i = 0; i < vs.http().size(); i++) {
      HttpRoute h = vs.http().get(i);
      boolean same = route.matchers().isEmpty()
          ? h.match().isEmpty() && (!h.route().isEmpty() || h.directReply() != null)
          : translated(h).containsAll(route.matchers());
      if (same && java.util.Objects.equals(h.name(), route.name())) {
        return answers.rule(vs.meta().namespace(), vs.meta().name(), i, h.name());
      }
    }
    return null;
  }

  private static List<RouteMatcher> translated(HttpRoute h) {
    return h.match().stream().map(RouteMatchTranslation::translate).toList();
  }

  private VirtualService virtualServiceFor(String fqdn) {
    List<VirtualService> all = new ArrayList<>(scenario.istio().virtualServices());
    all.sort(Comparator.comparingInt(vs -> vs.meta().order()));
    for (VirtualService vs : all) {
      boolean sidecars = vs.gateways().isEmpty() || vs.gateways().contains("mesh");
      if (sidecars && vs.hosts().stream()
          .anyMatch(h -> ServiceRegistry.resolveIstioHost(h, vs.meta().namespace()).equals(fqdn))) {
        return vs;
      }
    }
    return null;
  }

  /** A host written in an Istio resource, resolved as istiod resolves it (short names in the resource's namespace). */
  public static String istioFqdn(String host, String namespace) {
    return ServiceRegistry.resolveIstioHost(host, namespace);
  }
}
