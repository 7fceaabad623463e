package dev.meshsim.scenario;

import com.google.re2j.Pattern;
import dev.meshsim.istio.Destination;
import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gateway API {@code HTTPRoute} whose parents are Services (GAMMA, mesh traffic), translated as
 * istiod does ({@code pilot/pkg/config/kube/gateway/conversion.go}): one VirtualService per parent
 * Service, bound to {@code mesh}, one http route per rule named {@code <ns>.<name>.<rule>}, rules
 * ordered by Gateway API match precedence, {@code PathPrefix} matched on path segments, and
 * backendRefs as weighted destinations (weight default 1). Parents that are Gateways (ingress) are
 * handed to {@link KubernetesGateways}, which binds the same routes to the Gateway's listeners.
 */
final class HttpRouteBinder {

  static final List<String> KEYS = List.of("parentRefs", "hostnames", "rules");
  private static final List<String> RULE_KEYS = List.of("name", "matches", "backendRefs", "filters", "timeouts",
      "retry", "sessionPersistence");
  private static final List<String> MATCH_KEYS = List.of("path", "headers", "queryParams", "method");
  private static final List<String> BACKEND_KEYS = List.of("group", "kind", "name", "namespace", "port", "weight",
      "filters");

  private final Warnings warnings;
  /** Every backendRef read, for the load-time check that it names a Service. */
  private final List<VirtualServiceBinder.DestinationRef> backendRefs = new ArrayList<>();

  /** Gateway parents go to {@code gateways}, which attaches them once every Gateway is read. */
  private final KubernetesGateways gateways;

  HttpRouteBinder(Warnings warnings) {
    this(warnings, null);
  }

  HttpRouteBinder(Warnings warnings, KubernetesGateways gateways) {
    this.warnings = warnings;
    this.gateways = gateways;
  }

  /** The backendRefs of the routes bound so far, with where each is written. */
  List<VirtualServiceBinder.DestinationRef> backendRefs() {
    return List.copyOf(backendRefs);
  }

  /** The VirtualService made for one Service parent, and where that parentRef is written. */
  record Translated(VirtualService virtualService, String parentFqdn, YamlNode parentRef) {}

  /**
   * One VirtualService per Service parent (none when every parent is a Gateway), named {@code
   * <route>~<parent>} (a name no Kubernetes object can have) so that each keeps its place when the
   * HTTPRoute is applied again.
   */
  List<Translated> bind(ObjectMeta meta, YamlMap spec) {
    spec.allowOnly(KEYS);
    // Istio ignores hostnames for Service parents; for Gateway parents they are the virtual hosts.
    List<String> hostnames = spec.stringList("hostnames").stream().map(h -> h.toLowerCase(java.util.Locale.ROOT))
        .toList();
    List<HttpRoute> routes = rules(meta, spec);
    List<Translated> out = new ArrayList<>();
    for (YamlNode node : spec.required("parentRefs").asList().requireSize(1, "parentRef").items()) {
      YamlMap ref = node.asMap().allowOnly("group", "kind", "name", "namespace", "port", "sectionName");
      String kind = ref.string("kind", "Gateway");
      if (kind.equals("Gateway") && gateways != null) {
        gateways.attach(meta, hostnames, routes, List.copyOf(backendRefs), ref, node);
        continue;
      }
      if (!kind.equals("Service")) {
        warnings.add(node, "HTTPRoute parentRef to a " + kind + " is not modelled; only Service (GAMMA) and"
            + " Gateway parents are simulated");
        continue;
      }
      String namespace = ref.optional("namespace").map(KubeNames::namespace).orElse(meta.namespace());
      String host = KubeNames.objectName(ref.required("name")) + "." + namespace + ".svc.cluster.local";
      List<HttpRoute> forParent = routes;
      if (ref.has("port")) {
        int port = ref.required("port").asInt(1, 65535);
        forParent = routes.stream().map(r -> onPort(r, port)).toList();
      }
      ObjectMeta vsMeta = new ObjectMeta(meta.name() + "~" + host, meta.namespace(), meta.order());
      out.add(new Translated(new VirtualService(vsMeta, List.of(host), List.of("mesh"), forParent), host, node));
    }
    return out;
  }

  private List<HttpRoute> rules(ObjectMeta meta, YamlMap spec) {
    List<Ranked> ranked = new ArrayList<>();
    int index = 0;
    for (YamlNode node : spec.list("rules")) {
      YamlMap rule = node.asMap().allowOnly(RULE_KEYS);
      warnings.notModelled(rule, "sessionPersistence");
      HttpRoutePolicies.Translated policies = HttpRoutePolicies.bind(rule);
      List<HttpMatchRequest> matches = new ArrayList<>();
      List<String> prefixes = new ArrayList<>();
      Rank first = null;
      for (YamlNode m : rule.list("matches")) {
        Matched matched = match(m.asMap().allowOnly(MATCH_KEYS));
        matches.add(matched.match());
        prefixes.add(matched.prefix());
        first = first == null ? matched.rank() : first;
      }
      if (matches.isEmpty()) {
        matches.add(pathOnly(StringMatch.prefix("/"))); // the Gateway API default match
        prefixes.add("");
        first = new Rank(false, 1, false, 0, 0);
      }
      HttpRouteFilters.Translated filters = HttpRouteFilters.bind(rule, prefixes, warnings, false);
      List<HttpRouteDestination> backends = backends(rule, meta.namespace());
      if (backends.stream().mapToLong(HttpRouteDestination::weight).sum() == 0) {
        warnings.add(node, "a rule without backendRefs of weight > 0 is not modelled (Istio answers it with 500);"
            + " the rule is dropped");
      } else {
        String name = meta.namespace() + "." + meta.name() + "." + index;
        ranked.add(new Ranked(new HttpRoute(name, matches, backends, policies.timeoutNanos(), policies.retries(),
            null, null, List.of(), null, filters.rewrite(), filters.headers()), first, index));
      }
      index++;
    }
    ranked.sort(Comparator.comparing(Ranked::rank).thenComparingInt(Ranked::index));
    return ranked.stream().map(Ranked::route).toList();
  }

  /** A rule with its precedence key: exact path, longest path, method, most headers, most query params. */
  private record Ranked(HttpRoute route, Rank rank, int index) {}

  /** @param prefix the PathPrefix value without a trailing slash ("" for /), or null for another path match */
  private record Matched(HttpMatchRequest match, Rank rank, String prefix) {}

  private record Rank(boolean exact, int pathLength, boolean method, int headers, int queryParams)
      implements Comparable<Rank> {
    private static final Comparator<Rank> ORDER = Comparator.comparing(Rank::exact)
        .thenComparingInt(Rank::pathLength).thenComparing(Rank::method)
        .thenComparingInt(Rank::headers).thenComparingInt(Rank::queryParams).reversed();

    @Override
    public int compareTo(Rank o) {
      return ORDER.compare(this, o);
    }
  }

  private Matched match(YamlMap m) {
    YamlMap pathNode = m.has("path") ? m.required("path").asMap().allowOnly("type", "value") : null;
    StringMatch path = pathNode == null ? StringMatch.prefix("/") : path(pathNode);
    boolean exact = pathNode != null && pathNode.string("type", "PathPrefix").equals("Exact");
    int length = pathNode == null ? 1 : pathNode.required("value").asString().length();
    StringMatch method = m.has("method") ? StringMatch.exact(Fields.httpMethod(m, "method")) : null;
    Map<String, StringMatch> headers = valueMatches(m, "headers", true);
    Map<String, StringMatch> query = valueMatches(m, "queryParams", false);
    HttpMatchRequest match = new HttpMatchRequest(null, path, null, method, null, headers, Map.of(), query, null,
        false, Map.of(), null, List.of());
    String type = pathNode == null ? "PathPrefix" : pathNode.string("type", "PathPrefix");
    String value = pathNode == null ? "/" : pathNode.required("value").asString();
    String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    return new Matched(match, new Rank(exact, length, method != null, headers.size(), query.size()),
        type.equals("PathPrefix") ? trimmed : null);
  }

  /**
   * {@code PathPrefix /foo} matches {@code /foo} and {@code /foo/…}, not {@code /foobar}: Istio gives
   * Envoy a {@code path_separated_prefix}; here the same as an RE2 regex over the path without query.
   */
  private StringMatch path(YamlMap p) {
    String type = p.string("type", "PathPrefix");
    YamlNode valueNode = p.required("value");
    String value = valueNode.asNonEmptyString();
    if (!value.startsWith("/")) {
      throw valueNode.expected("a path starting with /");
    }
    return switch (type) {
      case "Exact" -> StringMatch.exact(value);
      case "PathPrefix" -> segmentPrefix(value);
      case "RegularExpression" -> new StringMatch(StringMatch.Kind.REGEX, value, Re2.compile(valueNode, warnings));
      default -> throw p.required("type").expected("Exact, PathPrefix or RegularExpression");
    };
  }

  private static StringMatch segmentPrefix(String value) {
    String trimmed = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    if (trimmed.equals("/")) {
      return StringMatch.prefix("/");
    }
    String re = Pattern.quote(trimmed) + "(/[^?]*)?(\\?.*)?";
    return new StringMatch(StringMatch.Kind.REGEX, re, Pattern.compile(re));
  }

  private Map<String, StringMatch> valueMatches(YamlMap m, String key, boolean lowerCase) {
    Map<String, StringMatch> out = new LinkedHashMap<>();
    for (YamlNode node : m.list(key)) {
      YamlMap h = node.asMap().allowOnly("type", "name", "value");
      String name = h.required("name").asNonEmptyString();
      name = lowerCase ? name.toLowerCase(java.util.Locale.ROOT) : name;
      YamlNode value = h.required("value");
      String type = h.string("type", "Exact");
      StringMatch match = switch (type) {
        case "Exact" -> StringMatch.exact(value.asString());
        case "RegularExpression" -> new StringMatch(StringMatch.Kind.REGEX, value.asString(), Re2.compile(value, warnings));
        default -> throw h.required("type").expected("Exact or RegularExpression");
      };
      if (out.putIfAbsent(name, match) != null) {
        throw h.required("name").fail(key + " names " + name + " twice in this match");
      }
    }
    return out;
  }

  private List<HttpRouteDestination> backends(YamlMap rule, String routeNamespace) {
    List<HttpRouteDestination> out = new ArrayList<>();
    for (YamlNode node : rule.list("backendRefs")) {
      YamlMap b = node.asMap().allowOnly(BACKEND_KEYS);
      String kind = b.string("kind", "Service");
      if (!kind.equals("Service")) {
        throw b.required("kind").expected("Service (other backend kinds are not modelled)");
      }
      String namespace = b.optional("namespace").map(KubeNames::namespace).orElse(routeNamespace);
      String host = KubeNames.objectName(b.required("name")) + "." + namespace + ".svc.cluster.local";
      Integer port = b.has("port") ? b.required("port").asInt(1, 65535) : null;
      int weight = b.has("weight") ? b.required("weight").asInt(0, 1_000_000) : 1;
      Destination destination = new Destination(host, null, port);
      backendRefs.add(new VirtualServiceBinder.DestinationRef(destination, routeNamespace, node));
      var filters = HttpRouteFilters.bind(b, List.of(), warnings, true);
      out.add(new HttpRouteDestination(destination, weight, filters.headers()));
    }
    return out;
  }

  private static HttpMatchRequest pathOnly(StringMatch path) {
    return new HttpMatchRequest(null, path, null, null, null, Map.of(), Map.of(), Map.of(), null, false, Map.of(),
        null, List.of());
  }

  /** A parentRef with a port: the route's matches apply on that port only. */
  private static HttpRoute onPort(HttpRoute r, int port) {
    List<HttpMatchRequest> matches = r.match().stream().map(m -> new HttpMatchRequest(m.name(), m.uri(), m.scheme(),
        m.method(), m.authority(), m.headers(), m.withoutHeaders(), m.queryParams(), port, m.ignoreUriCase(),
        m.sourceLabels(), m.sourceNamespace(), m.gateways())).toList();
    return new HttpRoute(r.name(), matches, r.route(), r.timeoutNanos(), r.retries(), r.fault(), r.directReply(),
        r.mirrors(), r.delegate(), r.rewrite(), r.headers());
  }
}
