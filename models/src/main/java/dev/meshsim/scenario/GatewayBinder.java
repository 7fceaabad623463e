package dev.meshsim.scenario;

import dev.meshsim.istio.Gateway;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec} of a {@code networking.istio.io} Gateway: {@code selector} and {@code servers}
 * ({@code port.number}, {@code port.protocol}, {@code hosts}). Only HTTP and HTTP2 servers route
 * requests in meshsim; the others are warned about (TLS termination is not modelled).
 */
final class GatewayBinder {
  private static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTP2", "HTTPS", "GRPC", "TCP", "TLS", "MONGO");
  private static final Set<String> ROUTED = Set.of("HTTP", "HTTP2", "GRPC");

  private final Warnings warnings;
  private final IngressGatewaySpec ingress;
  private final EgressGatewaySpec egress;

  /** @param ingress the scenario's ingress gateway, or null: its Service's ports are checked */
  GatewayBinder(Warnings warnings, IngressGatewaySpec ingress) {
    this(warnings, ingress, null);
  }

  /** @param egress the scenario's egress gateway, or null: likewise */
  GatewayBinder(Warnings warnings, IngressGatewaySpec ingress, EgressGatewaySpec egress) {
    this.warnings = warnings;
    this.ingress = ingress;
    this.egress = egress;
  }

  Gateway bind(ObjectMeta meta, YamlMap spec) {
    spec.allowOnly("selector", "servers");
    List<Gateway.Server> servers = new ArrayList<>();
    for (YamlNode node : spec.required("servers").asList().requireSize(1, "server").items()) {
      YamlMap s = node.asMap().allowOnly("port", "hosts", "tls", "name", "bind", "defaultEndpoint");
      warnings.notModelled(s, "tls", "bind", "defaultEndpoint");
      YamlMap port = s.required("port").asMap().allowOnly("number", "protocol", "name", "targetPort");
      int number = port.required("number").asInt(1, 65535);
      String protocol = port.required("protocol").asNonEmptyString().toUpperCase(Locale.ROOT);
      if (!PROTOCOLS.contains(protocol)) {
        throw port.required("protocol").expected("one of " + String.join(", ", PROTOCOLS.stream().sorted().toList()));
      }
      if (!ROUTED.contains(protocol)) {
        warnings.add(port.required("protocol"), "server protocol " + protocol + " is not modelled yet; this"
            + " server routes nothing");
      }
      List<String> hosts = new ArrayList<>();
      for (YamlNode h : s.required("hosts").asList().requireSize(1, "host").items()) {
        hosts.add(h.asNonEmptyString().toLowerCase(Locale.ROOT));
      }
      if (ROUTED.contains(protocol)) {
        servers.add(new Gateway.Server(number, protocol, hosts));
      }
      warnIfNotAServicePort(spec, port.required("number"), number);
    }
    return new Gateway(meta, spec.stringMap("selector"), servers);
  }

  /**
   * The seed's trouble 5: a Gateway and the gateway's Service are linked only by pod labels, so a
   * server port the Service does not expose receives nothing from outside (for the egress gateway:
   * from the sidecars, which reach it through its Service).
   */
  private void warnIfNotAServicePort(YamlMap spec, YamlNode numberNode, int number) {
    Map<String, String> selector = spec.stringMap("selector");
    if (selector.isEmpty()) {
      return;
    }
    if (ingress != null && IngressGatewaySpec.LABELS.entrySet().containsAll(selector.entrySet())) {
      warnPort(numberNode, number, IngressGatewaySpec.NAME, ingress.ports(), "from outside");
    }
    if (egress != null && EgressGatewaySpec.LABELS.entrySet().containsAll(selector.entrySet())) {
      warnPort(numberNode, number, EgressGatewaySpec.NAME, egress.ports(), "from the sidecars");
    }
  }

  private void warnPort(YamlNode numberNode, int number, String service, List<PortSpec> ports, String from) {
    if (ports.stream().anyMatch(p -> p.port() == number)) {
      return;
    }
    warnings.add(numberNode, "server port " + number + " is not a port of Service " + service + "."
        + IngressGatewaySpec.NAMESPACE + " (ports " + ports.stream().map(p -> Integer.toString(p.port())).toList()
        + "): the gateway's Envoys listen on it but no traffic " + from + " reaches it");
  }
}
