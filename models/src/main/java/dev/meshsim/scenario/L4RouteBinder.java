package dev.meshsim.scenario;

import dev.meshsim.istio.L4Match;
import dev.meshsim.istio.L4Route;
import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A VirtualService's {@code tcp} and {@code tls} routes, validated as istiod's {@code
 * ValidateVirtualService} does ({@code validateTCPRoute}, {@code validateTLSRoute}, {@code
 * validateTLSMatch}, {@code validateSniHost} in istio {@code pkg/config/validation}): a route needs
 * destinations, weighted as an http route's; a tls route needs a match, each match an SNI host that
 * is a subset of one of the VirtualService's hosts; subnets are CIDRs or IPs.
 */
final class L4RouteBinder {
  private static final List<String> ROUTE_KEYS = List.of("match", "route");
  private static final List<String> TCP_MATCH_KEYS = List.of("destinationSubnets", "port", "sourceLabels",
      "sourceNamespace", "gateways", "sourceSubnet");
  private static final List<String> TLS_MATCH_KEYS = List.of("sniHosts", "destinationSubnets", "port",
      "sourceLabels", "sourceNamespace", "gateways");
  private static final Pattern IPV4_CIDR =
      Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})(/([0-9]{1,2}))?");

  private final VirtualServiceBinder routes;
  private final Warnings warnings;

  L4RouteBinder(VirtualServiceBinder routes, Warnings warnings) {
    this.routes = routes;
    this.warnings = warnings;
  }

  /** {@code spec.tcp}. */
  List<L4Route> tcp(YamlMap spec, String namespace) {
    List<L4Route> out = new ArrayList<>();
    for (YamlNode node : spec.list("tcp")) {
      YamlMap m = node.asMap().allowOnly(ROUTE_KEYS);
      List<L4Match> match = new ArrayList<>();
      for (YamlNode block : m.list("match")) {
        YamlMap b = block.asMap().allowOnly(TCP_MATCH_KEYS);
        warnings.notModelled(b, "sourceSubnet");
        match.add(match(b, List.of()));
      }
      out.add(new L4Route(match, destinations(m, "TCP", namespace)));
    }
    return out;
  }

  /** {@code spec.tls}; {@code hosts} are the VirtualService's, which every SNI host must fall under. */
  List<L4Route> tls(YamlMap spec, List<String> hosts, String namespace) {
    List<L4Route> out = new ArrayList<>();
    for (YamlNode node : spec.list("tls")) {
      YamlMap m = node.asMap().allowOnly(ROUTE_KEYS);
      if (!m.has("match") || m.required("match").asList().size() == 0) {
        throw m.fail("a TLS route must have at least one match condition (Istio rejects it)");
      }
      List<L4Match> match = new ArrayList<>();
      for (YamlNode block : m.required("match").asList().items()) {
        YamlMap b = block.asMap().allowOnly(TLS_MATCH_KEYS);
        if (!b.has("sniHosts") || b.required("sniHosts").asList().size() == 0) {
          throw b.fail("a TLS match must have at least one SNI host in sniHosts (Istio rejects it)");
        }
        List<String> sni = new ArrayList<>();
        for (YamlNode h : b.required("sniHosts").asList().items()) {
          sni.add(sniHost(h, hosts, namespace));
        }
        match.add(match(b, sni));
      }
      out.add(new L4Route(match, destinations(m, "TLS", namespace)));
    }
    return out;
  }

  private L4Match match(YamlMap b, List<String> sni) {
    List<String> subnets = new ArrayList<>();
    for (YamlNode s : b.list("destinationSubnets")) {
      subnets.add(subnet(s));
    }
    if (!subnets.isEmpty()) {
      warnings.add(b.required("destinationSubnets"), "destinationSubnets is read but not checked: meshsim gives"
          + " Services no cluster IP, so this match block is taken as matching any destination address");
    }
    Integer port = b.optional("port").map(n -> n.asInt(1, 65535)).orElse(null);
    return new L4Match(sni, subnets, port, b.stringMap("sourceLabels"),
        b.optional("sourceNamespace").map(YamlNode::asNonEmptyString).orElse(null), b.stringList("gateways"));
  }

  private List<dev.meshsim.istio.HttpRouteDestination> destinations(YamlMap m, String kind, String namespace) {
    if (!m.has("route") || m.required("route").asList().size() == 0) {
      throw m.fail(kind + " route is required: a " + kind.toLowerCase(Locale.ROOT)
          + " route needs at least one destination in route (Istio rejects it)");
    }
    YamlList list = m.required("route").asList();
    return routes.weighted(list, namespace);
  }

  /** istio {@code validateSniHost}: a DNS name (or {@code *.suffix}) under one of the hosts. */
  private static String sniHost(YamlNode node, List<String> hosts, String namespace) {
    String sni = node.asNonEmptyString().toLowerCase(Locale.ROOT);
    if (!sni.matches("(\\*|\\*\\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?") && !sni.equals("*")) {
      throw node.expected("an SNI host such as api.example.com or *.example.com, not " + YamlScalar.quote(sni));
    }
    for (String host : hosts) {
      if (covers(expand(host, namespace), expand(sni, namespace)) || covers(expand(sni, namespace), expand(host, namespace))) {
        return sni;
      }
    }
    throw node.fail("SNI host " + YamlScalar.quote(sni) + " is not a compatible subset of any of the"
        + " VirtualService's hosts " + hosts + " (Istio rejects it)");
  }

  /** A short Kubernetes name as istiod resolves it in the VirtualService's namespace. */
  private static String expand(String host, String namespace) {
    return host.contains(".") || host.startsWith("*") ? host : host + "." + namespace + ".svc.cluster.local";
  }

  /** Whether {@code pattern} (a name or {@code *.suffix} or {@code *}) covers {@code name}. */
  static boolean covers(String pattern, String name) {
    if (pattern.equals("*") || pattern.equals(name)) {
      return true;
    }
    return pattern.startsWith("*.") && name.endsWith(pattern.substring(1));
  }

  private static String subnet(YamlNode node) {
    String text = node.asNonEmptyString();
    var m = IPV4_CIDR.matcher(text);
    boolean ok = m.matches();
    for (int i = 1; ok && i <= 4; i++) {
      ok = Integer.parseInt(m.group(i)) <= 255;
    }
    if (ok && m.group(6) != null) {
      ok = Integer.parseInt(m.group(6)) <= 32;
    }
    if (!ok && !text.contains(":")) {
      throw node.expected("an IPv4 or IPv6 address or CIDR such as 10.0.0.0/16, not " + YamlScalar.quote(text));
    }
    return text;
  }
}
