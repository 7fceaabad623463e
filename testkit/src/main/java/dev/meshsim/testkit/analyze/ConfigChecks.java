package dev.meshsim.testkit.analyze;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.PortSpec;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.testkit.analyze.Finding.Level;
import dev.meshsim.testkit.model.ModelAdapter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reference and naming checks, with istioctl analyze's codes and texts (istio/istio {@code
 * pkg/config/analysis/msg/messages.yaml}; analyzers under {@code pkg/config/analysis/analyzers}):
 * IST0101 ReferencedResourceNotFound (host, host+subset, gateway), IST0112
 * VirtualServiceDestinationPortSelectorRequired, IST0118 PortNameIsNotUnderNamingConvention, and
 * Kiali's KIA0203 (a subset whose labels select no pod).
 */
final class ConfigChecks {
  /**
   * Protocol prefixes Istio reads from a port name ({@code <protocol>[-<suffix>]}); istio {@code
   * pkg/config/protocol} and "Protocol Selection" on istio.io.
   */
  static final Set<String> PROTOCOLS = Set.of("http", "http2", "https", "grpc", "grpc-web", "tcp", "udp", "tls",
      "mongo", "mysql", "redis", "http_proxy");

  private final AnalysisContext ctx;

  ConfigChecks(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    for (VirtualService vs : ctx.istio().virtualServices()) {
      gateways(vs, out);
      destinations(vs, out);
    }
    for (DestinationRule dr : ctx.istio().destinationRules()) {
      subsetsWithoutPods(dr, out);
    }
    for (ServiceSpec s : ctx.scenario().services()) {
      portNames(s, out);
    }
    return out;
  }

  /**
   * A name in {@code spec.gateways} that is no Gateway: istio's {@code GatewayAnalyzer}
   * ({@code pkg/config/analysis/analyzers/virtualservice/gateways.go}) skips {@code mesh} and
   * resolves a short name in the VirtualService's namespace, {@code ns/name} as written.
   */
  private void gateways(VirtualService vs, List<Finding> out) {
    for (String name : vs.gateways()) {
      if (name.equals(MESH) || gatewayExists(name, vs.meta().namespace())) {
        continue;
      }
      boolean mesh = vs.gateways().contains(MESH);
      String hosts = String.join(", ", ctx.shortHosts(vs));
      out.add(finding(Level.Error, "IST0101", vs, "Referenced gateway not found: " + quote(name),
          () -> "no gateway proxy gets these routes from " + name + (mesh ? "; sidecars still apply them"
              : ", and without mesh in gateways sidecars ignore them too: requests to " + hosts
                  + " take the service's default route")));
    }
  }

  private static final String MESH = "mesh";

  private boolean gatewayExists(String ref, String vsNamespace) {
    int slash = ref.indexOf('/');
    String namespace = slash < 0 ? vsNamespace : ref.substring(0, slash);
    String name = slash < 0 ? ref : ref.substring(slash + 1);
    return ctx.istio().gateways().stream()
        .anyMatch(g -> g.meta().name().equals(name) && g.meta().namespace().equals(namespace));
  }

  private void destinations(VirtualService vs, List<Finding> out) {
    Set<String> reported = new LinkedHashSet<>();
    for (HttpRoute route : vs.http()) {
      for (HttpRouteDestination d : route.route()) {
        String host = d.destination().host();
        if (host.isEmpty()) {
          continue; // an invalid Gateway API backendRef, istiod's empty destination: MSH0005 says it
        }
        String fqdn = ModelAdapter.istioFqdn(host, vs.meta().namespace());
        ServiceSpec target = ctx.service(fqdn);
        String subset = d.destination().subset();
        if (target == null && !host.startsWith("*") && reported.add("host " + host)) {
          out.add(finding(Level.Error, "IST0101", vs, "Referenced host not found: " + quote(host),
              () -> routedImpact(vs, "|" + orEmpty(subset) + "|" + fqdn)));
        } else if (target != null && subset != null && !ctx.subsetDefined(fqdn, subset)
            && reported.add("subset " + host + "+" + subset)) {
          out.add(finding(Level.Error, "IST0101", vs,
              "Referenced host+subset in destinationrule not found: " + quote(host + "+" + subset),
              () -> routedImpact(vs, "|" + subset + "|" + fqdn)));
        }
        if (target != null && d.destination().port() == null && target.ports().size() > 1
            && reported.add("port " + host)) {
          List<Integer> ports = target.ports().stream().map(PortSpec::port).toList();
          out.add(finding(Level.Error, "IST0112", vs, "This VirtualService routes to a service " + quote(host)
              + " that exposes multiple ports " + goList(ports)
              + ". Specifying a port in the destination is required to disambiguate.", () -> portImpact(vs, target)));
        }
      }
    }
  }

  /** What share of the VirtualService's hosts' requests go to clusters ending with {@code suffix}, and how they end. */
  private String routedImpact(VirtualService vs, String clusterSuffix) {
    ImpactRun run = ctx.impact();
    long all = 0;
    long routed = 0;
    String flag = null;
    long flagged = 0;
    for (String fqdn : ctx.hostsOf(vs)) {
      all += run.serviceResponses(fqdn);
    }
    for (var e : run.result().clusterStats().entrySet()) {
      if (e.getKey().endsWith(clusterSuffix)) {
        long n = run.clusterResponses(e.getKey());
        routed += n;
        for (String f : List.of("NC", "NR", "UH")) {
          long k = Math.round(run.clusterFlagShare(e.getKey(), f) * n);
          if (k > flagged) {
            flag = f;
            flagged = k;
          }
        }
        if (!ctx.hostsOf(vs).stream().anyMatch(h -> e.getKey().endsWith("|" + h))) {
          all += n;
        }
      }
    }
    if (all == 0) {
      return "no request of the scenario's loads reaches " + String.join(", ", ctx.shortHosts(vs)) + " " + run.basis();
    }
    String how = flag == null ? "are routed to the missing destination" : "end 503 " + flag;
    return ImpactRun.percent((double) routed / all) + " of requests to " + String.join(", ", ctx.shortHosts(vs))
        + " " + how + " (" + routed + " of " + all + " " + run.basis() + ")";
  }

  private String portImpact(VirtualService vs, ServiceSpec target) {
    ImpactRun run = ctx.impact();
    double nc = 0;
    for (String fqdn : ctx.hostsOf(vs)) {
      nc = Math.max(nc, run.serviceFlagShare(fqdn, "NC"));
    }
    return "sidecars send each request to the port it arrived on (istiod's default when the destination names "
        + "none); requests on a port " + target.name() + " lacks end 503 NC: " + ImpactRun.percent(nc) + " "
        + run.basis();
  }

  /** Kiali KIA0203: a subset whose labels match no pod of its host gets no endpoints. */
  private void subsetsWithoutPods(DestinationRule dr, List<Finding> out) {
    String fqdn = ModelAdapter.istioFqdn(dr.host(), dr.meta().namespace());
    ServiceSpec service = ctx.service(fqdn);
    if (service == null) {
      return;
    }
    for (Subset subset : dr.subsets()) {
      boolean any = false;
      for (DeploymentSpec d : service.deployments()) {
        any |= d.replicas() > 0 && d.labels().entrySet().containsAll(subset.labels().entrySet());
      }
      if (!any) {
        String suffix = "|" + subset.name() + "|" + fqdn;
        out.add(new Finding(Level.Warning, "KIA0203", "DestinationRule", dr.meta().namespace(), dr.meta().name(),
            "This subset's labels are not found in any matching host (subset " + quote(subset.name()) + ", labels "
                + subset.labels() + ")",
            null).withImpact(ctx.lazyImpact(() -> subsetImpact(fqdn, suffix, service))));
      }
    }
  }

  private String subsetImpact(String fqdn, String suffix, ServiceSpec service) {
    ImpactRun run = ctx.impact();
    long all = run.serviceResponses(fqdn);
    long routed = 0;
    double uh = 0;
    for (var e : run.result().clusterStats().entrySet()) {
      if (e.getKey().endsWith(suffix)) {
        routed += run.clusterResponses(e.getKey());
        uh = Math.max(uh, run.clusterFlagShare(e.getKey(), "UH"));
      }
    }
    if (routed == 0) {
      return "no route sends traffic to the subset " + run.basis() + "; a route to it would end 503 UH";
    }
    return ImpactRun.percent((double) routed / all) + " of requests to " + ctx.shortName(service) + " end 503 UH ("
        + routed + " of " + all + ", " + ImpactRun.percent(uh) + " of the subset's, " + run.basis() + ")";
  }

  /** IST0118: a port name Istio cannot read a protocol from. */
  private void portNames(ServiceSpec s, List<Finding> out) {
    for (PortSpec p : s.ports()) {
      if (!followsConvention(p.name())) {
        out.add(new Finding(Level.Info, "IST0118", "Service", s.namespace(), s.name(),
            "Port name " + p.name() + " (port: " + p.port() + ", targetPort: " + p.port()
                + ") doesn't follow the naming convention of Istio port.",
            "none on routing: Istio sniffs the protocol of such a port and meshsim simulates it as HTTP; "
                + "name it http-" + p.name() + " (or set appProtocol) to state it"));
      }
    }
  }

  static boolean followsConvention(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (PROTOCOLS.contains(n) || n.startsWith("grpc-web-")) {
      return true;
    }
    int dash = n.indexOf('-');
    return dash > 0 && PROTOCOLS.contains(n.substring(0, dash));
  }

  private Finding finding(Level level, String code, VirtualService vs, String message, Supplier<String> impact) {
    return new Finding(level, code, "VirtualService", vs.meta().namespace(), vs.meta().name(), message,
        ctx.lazyImpact(impact));
  }

  /** Go's {@code %q} for the plain strings Istio names contain. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Go's {@code %v} of an {@code []int}: {@code [9080 9081]}. */
  static String goList(List<Integer> values) {
    return values.toString().replace(",", "");
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
