package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.snapshot.Snapshot.RouteState;
import dev.meshsim.inspect.snapshot.Snapshot.VirtualHostState;
import dev.meshsim.inspect.snapshot.Snapshot.WeightedClusterState;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.RetryPolicy;
import dev.meshsim.mesh.routing.StringMatcher;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.xds.XdsClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A proxy's RDS state as Envoy holds it: one route table per outbound HTTP port (named by the
 * port, {@code 9080}, as seed 003 shows), each with a virtual host per service. An HTTP route with
 * several match blocks becomes one Envoy route per block, as istiod generates it.
 */
final class RouteCapture {
  private RouteCapture() {}

  static List<VirtualHostState> virtualHosts(XdsClient client, IstioConfig istio, String proxyNamespace) {
    List<VirtualHostState> out = new ArrayList<>();
    java.util.Set<String> passthroughPorts = new java.util.TreeSet<>();
    java.util.Set<String> routedPorts = new java.util.TreeSet<>();
    for (VirtualHost vh : client.routes().virtualHosts().values()) {
      int colon = vh.name().lastIndexOf(':');
      String fqdn = vh.name().substring(0, colon);
      String port = vh.name().substring(colon + 1);
      if (vh.name().startsWith(ALLOW_ANY + "|")) {
        passthroughPorts.add(port); // meshsim's per-destination catch-all: one Envoy allow_any below
        continue;
      }
      routedPorts.add(port);
      List<RouteState> routes = new ArrayList<>();
      vh.routes().forEach(r -> routes.addAll(envoyRoutes(r)));
      out.add(new VirtualHostState(port, vh.name(), domains(fqdn, proxyNamespace),
          vh.fromVirtualService() ? virtualService(istio, fqdn) : null, routes));
    }
    // Istio's catch-all allow_any (domain *) closes each route table; a port with no route table
    // at all is not an HTTP listener in Envoy: its calls take 15001's passthrough filter chain.
    for (String port : passthroughPorts) {
      if (routedPorts.contains(port)) {
        out.add(new VirtualHostState(port, ALLOW_ANY, List.of("*"), null, List.of(new RouteState(ALLOW_ANY, "/*",
            List.of(new WeightedClusterState("PassthroughCluster", 1)), 0, 0, "", 0, List.of(), false, 0))));
      }
    }
    out.sort(Comparator.comparing(VirtualHostState::routeConfig)
        .thenComparing(vh -> vh.name().equals(ALLOW_ANY)).thenComparing(VirtualHostState::name));
    return out;
  }

  private static final String ALLOW_ANY = "allow_any";
  /** The outbound tcp_proxy filter chains, by port (numerically) and host. */
  static List<Snapshot.TcpListenerState> tcpListeners(XdsClient client) {
    List<Snapshot.TcpListenerState> out = new ArrayList<>();
    client.routes().tcpProxies().forEach((hostPort, tcp) -> {
      int colon = hostPort.lastIndexOf(':');
      List<WeightedClusterState> clusters = tcp.clusters().stream()
          .map(c -> new WeightedClusterState(c.clusterName(), tcp.clusters().size() == 1 ? 100 : c.weight())).toList();
      out.add(new Snapshot.TcpListenerState(hostPort.substring(colon + 1), hostPort.substring(0, colon), clusters));
    });
    out.sort(Comparator.comparingInt((Snapshot.TcpListenerState t) -> Integer.parseInt(t.port()))
        .thenComparing(Snapshot.TcpListenerState::host));
    return out;
  }

  private static List<RouteState> envoyRoutes(Route r) {
    List<WeightedClusterState> clusters = r.clusters().stream()
        .map(WeightedCluster::clusterName)
        .map(name -> new WeightedClusterState(name, weightOf(r, name)))
        .toList();
    RetryPolicy retry = r.retryPolicy();
    String retryOn = retry.retryOn().stream().map(o -> o.envoyName()).collect(Collectors.joining(","));
    List<Integer> codes = retry.retriableStatusCodes().stream().sorted().toList();
    List<String> matches = r.matchers().isEmpty() ? List.of("/*")
        : r.matchers().stream().map(m -> describe(m.path())).toList();
    List<RouteState> out = new ArrayList<>();
    for (String match : matches) {
      out.add(new RouteState(r.name(), match, clusters, r.timeoutNanos(), retry.numRetries(), retryOn,
          retry.perTryTimeoutNanos(), codes, retry.previousHosts(), retry.hostSelectionMaxAttempts()));
    }
    return out;
  }

  private static int weightOf(Route r, String cluster) {
    return r.clusters().stream().filter(c -> c.clusterName().equals(cluster)).mapToInt(WeightedCluster::weight)
        .findFirst().orElse(0);
  }

  /** istioctl's MATCH: a prefix as {@code prefix*}, an exact path as itself, a regex as itself. */
  private static String describe(StringMatcher path) {
    if (path == null) {
      return "/*";
    }
    return switch (path.kind()) {
      case PREFIX -> path.value() + "*";
      case EXACT, SAFE_REGEX -> path.value();
    };
  }

  /**
   * The domains istiod generates for a service's outbound virtual host: the FQDN, {@code
   * name.namespace.svc} and {@code name.namespace}, and the short name for a proxy in the service's
   * namespace (meshsim gives services no cluster IP, so none is listed). A host outside {@code
   * svc.cluster.local} (a ServiceEntry's, e.g. {@code *.wikipedia.org}) is not expanded (istio
   * {@code httproute.go} {@code GenerateAltVirtualHosts}: "Hostname is not a kube service").
   */
  static List<String> domains(String fqdn, String proxyNamespace) {
    String[] labels = fqdn.split("\\.");
    List<String> domains = new ArrayList<>();
    domains.add(fqdn);
    if (labels.length >= 3 && fqdn.endsWith(".svc.cluster.local")) {
      if (labels[1].equals(proxyNamespace)) {
        domains.add(labels[0]);
      }
      domains.add(labels[0] + "." + labels[1] + ".svc");
      domains.add(labels[0] + "." + labels[1]);
    }
    return domains;
  }

  /** The first VirtualService in istiod's store whose hosts resolve to {@code fqdn}. */
  private static String virtualService(IstioConfig istio, String fqdn) {
    for (VirtualService vs : istio.virtualServices()) {
      for (String host : vs.hosts()) {
        if (ServiceRegistry.resolveIstioHost(host, vs.meta().namespace()).equals(fqdn)) {
          return vs.meta().name() + "." + vs.meta().namespace();
        }
      }
    }
    return null;
  }
}
