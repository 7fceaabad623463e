package dev.meshsim.scenario;

import dev.meshsim.istio.Destination;
import dev.meshsim.istio.HttpDelegate;
import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpMirror;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A VirtualService spec. Fields meshsim does not model yet are accepted with a warning, so that
 * real Istio YAML can be pasted in; anything else is rejected with the list of allowed keys.
 */
final class VirtualServiceBinder {
  private final IstioVersion version;

  private static final List<String> SPEC_KEYS = List.of("hosts", "gateways", "http", "tls", "tcp", "exportTo");
  private static final List<String> ROUTE_KEYS = List.of("name", "match", "route", "redirect", "directResponse",
      "delegate", "rewrite", "timeout", "retries", "fault", "mirror", "mirrors", "mirrorPercent",
      "mirrorPercentage", "corsPolicy", "headers");
  private static final String[] UNMODELLED_ROUTE_KEYS = {"rewrite", "corsPolicy", "headers"};

  /** A destination as read, kept for the cross-resource checks once every resource is read. */
  record DestinationRef(Destination destination, String namespace, YamlNode node) {}

  private final Warnings warnings;
  private final List<DestinationRef> destinations;
  private final HttpPolicyBinder policies;

  VirtualServiceBinder(Warnings warnings, List<DestinationRef> destinations, IstioVersion version) {
    this.version = version;
    this.warnings = warnings;
    this.destinations = destinations;
    this.policies = new HttpPolicyBinder(warnings);
  }

  VirtualService bind(ObjectMeta meta, YamlMap spec) {
    spec.allowOnly(SPEC_KEYS);
    boolean delegate = !spec.has("hosts");
    if (!delegate && !spec.has("http") && !spec.has("tcp") && !spec.has("tls")) {
      throw spec.fail("http, tcp or tls must be provided in a VirtualService (Istio rejects it)");
    }
    List<String> hosts = delegate ? List.of() : spec.required("hosts").asList().requireSize(1, "host").items().stream()
        .map(YamlNode::asNonEmptyString).toList();
    if (delegate) {
      checkDelegateSpec(spec);
    }
    List<HttpRoute> http = new ArrayList<>();
    for (YamlNode route : spec.list("http")) {
      http.add(route(route.asMap(), meta.namespace(), delegate));
    }
    L4RouteBinder l4 = new L4RouteBinder(this, warnings);
    return new VirtualService(meta, hosts, spec.stringList("gateways"), http, ExportTo.bind(spec),
        l4.tcp(spec, meta.namespace()), l4.tls(spec, hosts, meta.namespace()));
  }

  /**
   * A VirtualService without {@code hosts} is a delegate (Istio 1.6 on); istio's {@code
   * ValidateVirtualService} rejects one with {@code gateways}, {@code tls} or {@code tcp}.
   */
  private static void checkDelegateSpec(YamlMap spec) {
    for (String key : List.of("gateways", "tls", "tcp")) {
      if (spec.has(key)) {
        throw spec.failAtKey(key, "a delegate VirtualService (one without hosts) must have no " + key
            + " (Istio rejects it)");
      }
    }
    if (!spec.has("http")) {
      throw spec.fail("a VirtualService needs hosts (or, as a delegate without hosts, http routes)");
    }
  }

  private HttpRoute route(YamlMap m, String namespace, boolean inDelegate) {
    m.allowOnly(ROUTE_KEYS);
    warnings.notModelled(m, UNMODELLED_ROUTE_KEYS);
    List<HttpMatchRequest> match = new ArrayList<>();
    for (YamlNode node : m.list("match")) {
      match.add(MatchBinder.bind(node.asMap(), warnings));
    }
    return new HttpRoute(m.string("name", ""), match, destinationsOf(m, namespace),
        IstioFields.checkedDuration(m, "timeout"), policies.retries(m.get("retries")), policies.fault(m.get("fault")),
        DirectReplyBinder.bind(m), mirrors(m, namespace), delegate(m, inDelegate));
  }

  /**
   * {@code delegate: {name, namespace}}, checked as istio's {@code validateHTTPRouteConflict} does
   * for a root route: no {@code route}, no {@code redirect}; and a delegate's own routes cannot
   * delegate ("delegate HTTP route cannot contain delegate"), so chains are one level deep and no
   * loop (A to B to A) can form.
   */
  private static HttpDelegate delegate(YamlMap m, boolean inDelegate) {
    if (!m.has("delegate")) {
      return null;
    }
    if (inDelegate) {
      throw m.failAtKey("delegate", "a delegate VirtualService (one without hosts) cannot delegate again: Istio"
          + " allows one level of delegation, so a chain or loop (A -> B -> A) is rejected");
    }
    for (String key : List.of("route", "redirect")) {
      if (m.has(key)) {
        throw m.failAtKey(key, "a route with delegate must not specify " + key + " (Istio rejects it)");
      }
    }
    YamlMap d = m.required("delegate").asMap().allowOnly("name", "namespace");
    String name = KubeNames.objectName(d.required("name"));
    String namespace = d.optional("namespace").map(KubeNames::namespace).orElse(null);
    return new HttpDelegate(name, namespace);
  }

  /**
   * The weighted destinations. A route without {@code route} must redirect, answer directly or
   * delegate. The first two the client sidecar answers itself ({@link DirectReplyBinder}); a
   * delegating route is replaced by the delegate's routes when istiod merges them.
   */
  private List<HttpRouteDestination> destinationsOf(YamlMap m, String namespace) {
    boolean alternative = m.has("redirect") || m.has("directResponse") || m.has("delegate");
    if (!m.has("route")) {
      if (!alternative) {
        throw m.fail("an http route needs route (or redirect, directResponse or delegate)");
      }
      return List.of();
    }
    if (m.has("redirect") || m.has("directResponse")) {
      throw m.failAtKey("route", "route cannot be combined with redirect or directResponse (Istio rejects it)");
    }
    return weighted(m.required("route").asList().requireSize(1, "destination"), namespace);
  }

  /**
   * istiod's validation: every weight >= 0; with two or more destinations a total > 0 since Istio
   * 1.15 (weights are relative, commit ac641d0), and exactly 100 before it ("total destination
   * weight X != 100").
   */
  List<HttpRouteDestination> weighted(YamlList list, String namespace) {
    List<HttpRouteDestination> out = new ArrayList<>();
    long total = 0;
    for (YamlNode node : list.items()) {
      YamlMap m = node.asMap().allowOnly("destination", "weight", "headers");
      warnings.notModelled(m, "headers");
      int weight = m.integer("weight", 0, 0);
      total += weight;
      out.add(new HttpRouteDestination(destination(m.required("destination").asMap(), namespace), weight));
    }
    if (out.size() >= 2 && total == 0) {
      throw list.fail("the weights of these " + out.size() + " destinations add up to 0; at least one must be > 0");
    }
    if (out.size() >= 2 && !version.atLeast(1, 15) && total != 100) {
      throw list.fail("total destination weight " + total + " != 100: before Istio 1.15 the weights must"
          + " add up to 100 (this scenario simulates Istio " + version + ")");
    }
    return out;
  }

  /**
   * {@code mirror} (with {@code mirrorPercentage}, else the deprecated integer {@code mirrorPercent},
   * else 100%) or {@code mirrors[]} (Istio 1.18 on; each with its own {@code percentage}), as istio
   * {@code route.go} reads them; istiod's validation rejects the two forms together.
   */
  private List<HttpMirror> mirrors(YamlMap m, String namespace) {
    if (m.has("mirror") && m.has("mirrors")) {
      throw m.failAtKey("mirrors", "mirror and mirrors cannot be used together (Istio rejects it)");
    }
    if (!m.has("mirror") && (m.has("mirrorPercentage") || m.has("mirrorPercent"))) {
      String key = m.has("mirrorPercentage") ? "mirrorPercentage" : "mirrorPercent";
      throw m.failAtKey(key, key + " needs mirror");
    }
    List<HttpMirror> out = new ArrayList<>();
    if (m.has("mirror")) {
      Double pct = IstioFields.percentage(m, "mirrorPercentage");
      if (pct == null && m.has("mirrorPercent")) {
        pct = (double) m.required("mirrorPercent").asInt(0, 100);
      }
      out.add(new HttpMirror(destination(m.required("mirror").asMap(), namespace), pct == null ? 100 : pct));
    }
    if (m.has("mirrors")) {
      if (!version.atLeast(1, 18)) {
        throw m.failAtKey("mirrors", "mirrors needs Istio 1.18 or later (this scenario simulates Istio " + version
            + "); use mirror");
      }
      for (YamlNode node : m.required("mirrors").asList().requireSize(1, "mirror").items()) {
        YamlMap e = node.asMap().allowOnly("destination", "percentage");
        Double pct = IstioFields.percentage(e, "percentage");
        out.add(new HttpMirror(destination(e.required("destination").asMap(), namespace), pct == null ? 100 : pct));
      }
    }
    return out;
  }

  private Destination destination(YamlMap m, String namespace) {
    m.allowOnly("host", "subset", "port");
    Integer port = m.optional("port")
        .map(n -> n.asMap().allowOnly("number").required("number").asInt(1, 65535)).orElse(null);
    Destination d = new Destination(m.string("host"),
        m.optional("subset").map(KubeNames::subset).orElse(null), port);
    destinations.add(new DestinationRef(d, namespace, m));
    return d;
  }
}
