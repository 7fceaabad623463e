package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ingressGateway} and {@code egressGateway}: {@code enabled} (default false), {@code
 * replicas}, {@code ports}.
 */
final class IngressGatewayBinder {
  private static final List<PortSpec> DEFAULT_PORTS = List.of(new PortSpec("http2", 80), new PortSpec("https", 443));

  private IngressGatewayBinder() {}

  /** The ingress gateway of {@code root}, or null when absent or not enabled. */
  static IngressGatewaySpec bind(YamlMap root) {
    YamlMap m = enabled(root, "ingressGateway");
    return m == null ? null : new IngressGatewaySpec(replicas(m), ports(m));
  }

  /** The egress gateway of {@code root}, or null when absent or not enabled. */
  static EgressGatewaySpec bindEgress(YamlMap root) {
    YamlMap m = enabled(root, "egressGateway");
    return m == null ? null : new EgressGatewaySpec(replicas(m), ports(m));
  }

  private static YamlMap enabled(YamlMap root, String key) {
    if (!root.has(key)) {
      return null;
    }
    YamlMap m = root.required(key).asMap().allowOnly("enabled", "replicas", "ports");
    return m.bool("enabled", false) ? m : null;
  }

  private static int replicas(YamlMap m) {
    return m.has("replicas") ? m.required("replicas").asInt(1, 1000) : 1;
  }

  private static List<PortSpec> ports(YamlMap m) {
    if (!m.has("ports")) {
      return DEFAULT_PORTS;
    }
    List<PortSpec> ports = new ArrayList<>();
    for (YamlNode node : m.required("ports").asList().requireSize(1, "port").items()) {
      YamlMap p = node.asMap().allowOnly("name", "port");
      int port = p.required("port").asInt(1, 65535);
      if (ports.stream().anyMatch(x -> x.port() == port)) {
        throw p.required("port").fail("port " + port + " is listed twice");
      }
      ports.add(new PortSpec(p.string("name", ""), port));
    }
    return ports;
  }
}
