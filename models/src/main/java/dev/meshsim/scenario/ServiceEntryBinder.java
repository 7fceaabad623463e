package dev.meshsim.scenario;

import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.ServiceEntry;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec} of a ServiceEntry, validated as istiod's {@code ValidateServiceEntry} does where it
 * matters here (istio {@code pkg/config/validation/validation.go}): at least one host and one port,
 * port numbers 1..65535 and unique, a known resolution and location, no {@code endpoints} with
 * resolution NONE, no wildcard host with DNS or DNS_ROUND_ROBIN resolution unless {@code endpoints}
 * are given ("hosts must be FQDN … if no endpoints are provided"), and a {@code workloadSelector}
 * (endpoints: the mesh pods of the entry's namespace it selects) with labels and without {@code
 * endpoints}. A partial wildcard ({@code foo*.example.com}) is a warning in istiod; meshsim drops
 * the host with that warning.
 */
final class ServiceEntryBinder {

  static final List<String> KEYS = List.of("hosts", "addresses", "ports", "location", "resolution",
      "endpoints", "workloadSelector", "exportTo", "subjectAltNames");
  private static final List<String> PORT_KEYS = List.of("number", "protocol", "name", "targetPort");
  private static final Set<String> PROTOCOLS =
      Set.of("HTTP", "HTTPS", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB", "TCP", "TLS", "MONGO", "REDIS", "MYSQL", "UDP");

  private final Warnings warnings;

  ServiceEntryBinder(Warnings warnings) {
    this.warnings = warnings;
  }

  ServiceEntry bind(ObjectMeta meta, YamlMap spec) {
    spec.allowOnly(KEYS);
    warnings.notModelled(spec, "addresses");
    warnings.notModelled(spec, "subjectAltNames");
    List<String> hosts = hosts(spec);
    ServiceEntry.Resolution resolution = enumValue(spec, "resolution", ServiceEntry.Resolution.class,
        ServiceEntry.Resolution.NONE);
    ServiceEntry.Location location = enumValue(spec, "location", ServiceEntry.Location.class,
        ServiceEntry.Location.MESH_EXTERNAL);
    checkResolution(spec, hosts, resolution);
    Map<String, String> selector = Map.of();
    if (spec.has("workloadSelector")) {
      selector = spec.required("workloadSelector").asMap().allowOnly("labels").stringMap("labels");
      if (selector.isEmpty()) {
        throw spec.failAtKey("workloadSelector", "workloadSelector needs labels");
      }
      if (!spec.list("endpoints").isEmpty()) {
        throw spec.failAtKey("workloadSelector", "only one of workloadSelector or endpoints is allowed in a"
            + " ServiceEntry (istiod's validation)");
      }
    }
    return new ServiceEntry(meta, hosts, ports(spec), resolution, location, endpoints(spec), selector,
        ExportTo.bindServiceEntry(spec));
  }

  /** istiod's checks of {@code endpoints} against the resolution. */
  private void checkResolution(YamlMap spec, List<String> hosts, ServiceEntry.Resolution resolution) {
    boolean endpoints = !spec.list("endpoints").isEmpty();
    boolean dns = resolution == ServiceEntry.Resolution.DNS || resolution == ServiceEntry.Resolution.DNS_ROUND_ROBIN;
    if (resolution == ServiceEntry.Resolution.NONE && endpoints) {
      throw spec.failAtKey("endpoints", "no endpoints should be provided for resolution type NONE (istiod's"
          + " validation)");
    }
    for (int i = 0; i < hosts.size(); i++) {
      if (dns && !endpoints && hosts.get(i).startsWith("*")) {
        throw spec.required("hosts").asList().items().get(i).fail("hosts must be FQDN if no endpoints are"
            + " provided for resolution mode " + resolution + " (istiod rejects " + hosts.get(i)
            + "); a wildcard host takes resolution NONE");
      }
    }
  }

  private List<String> hosts(YamlMap spec) {
    List<String> hosts = new ArrayList<>();
    for (YamlNode node : spec.required("hosts").asList().requireSize(1, "host").items()) {
      String host = node.asNonEmptyString().toLowerCase(Locale.ROOT);
      if (host.equals("*") || host.contains("/") || host.contains(":")) {
        throw node.expected("a host name such as api.example.com or *.example.com");
      }
      if (host.contains("*") && !(host.startsWith("*.") && host.indexOf('*', 1) < 0)) {
        warnings.add(node, "partial wildcard " + YamlScalar.quote(host) + " not allowed (istiod warns);"
            + " only a whole first label (*.example.com) is a wildcard, so meshsim drops this host");
      }
      hosts.add(host);
    }
    return hosts;
  }

  private List<ServiceEntry.Port> ports(YamlMap spec) {
    List<ServiceEntry.Port> ports = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    for (YamlNode node : spec.required("ports").asList().requireSize(1, "port").items()) {
      YamlMap p = node.asMap().allowOnly(PORT_KEYS);
      int number = p.required("number").asInt(1, 65535);
      if (!numbers.add(number)) {
        throw p.required("number").fail("port " + number + " is listed twice in this ServiceEntry");
      }
      // istio ValidateProtocol: empty means auto-detection; anything else must parse.
      String protocol = p.string("protocol", "").toUpperCase(Locale.ROOT);
      if (IstioProtocol.ofServiceEntry(protocol) == null) {
        throw p.required("protocol").fail("unrecognized protocol " + dev.meshsim.yaml.YamlScalar.quote(protocol)
            + " (Istio rejects it); use one of " + String.join(", ", PROTOCOLS.stream().sorted().toList()));
      }
      ports.add(new ServiceEntry.Port(number, p.string("name", ""), protocol));
    }
    return ports;
  }

  private static List<String> endpoints(YamlMap spec) {
    List<String> out = new ArrayList<>();
    for (YamlNode node : spec.list("endpoints")) {
      YamlMap e = node.asMap();
      out.add(e.required("address").asNonEmptyString());
    }
    return out;
  }

  private static <E extends Enum<E>> E enumValue(YamlMap spec, String key, Class<E> type, E dflt) {
    if (!spec.has(key)) {
      return dflt;
    }
    YamlNode node = spec.required(key);
    String text = node.asString();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    throw node.expected(String.join(" | ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
        + ", not " + YamlScalar.quote(text));
  }
}
