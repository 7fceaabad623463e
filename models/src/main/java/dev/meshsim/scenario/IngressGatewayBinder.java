package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** {@code ingressGateway}: {@code enabled} (default false), {@code replicas}, {@code ports}. */
final class IngressGatewayBinder {
  private static final List<PortSpec> DEFAULT_PORTS = List.of(new PortSpec("http2", 80), new PortSpec("https", 443));

  private IngressGatewayBinder() {}

  /** The gateway of {@code root}, or null when absent or not enabled. */
  static IngressGatewaySpec bind(YamlMap root) {
    if (!root.has("ingressGateway")) {
      return null;
    }
    YamlMap m = root.required("ingressGateway").asMap().allowOnly("enabled", "replicas", "ports");
    if (!m.bool("enabled", false)) {
      return null;
    }
    int replicas = m.has("replicas") ? m.required("replicas").asInt(1, 1000) : 1;
    if (!m.has("ports")) {
      return new IngressGatewaySpec(replicas, DEFAULT_PORTS);
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
    return new IngressGatewaySpec(replicas, ports);
  }
}
