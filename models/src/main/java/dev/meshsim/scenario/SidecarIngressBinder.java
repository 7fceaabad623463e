package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Sidecar's {@code ingress} listeners, validated as istiod's {@code ValidateSidecar} does (istio
 * {@code pkg/config/validation/validation.go}): a {@code port} on each, its number 1..65535 and
 * not repeated, no {@code targetPort} ("targetPort has no impact on Sidecars"), a known protocol,
 * {@code defaultEndpoint} of the form {@code 127.0.0.1:<port>}, {@code 0.0.0.0:<port>}, {@code
 * [::1]:<port>}, {@code [::]:<port>}, {@code :<port>} or {@code unix://path}, and {@code tls} only
 * on an HTTPS or TLS port. What it would change is then said once per listener, because meshsim
 * keeps the inbound side istiod builds without them: a listener per Service port, forwarding to
 * the app on the port's target port. With ingress listeners istiod builds exactly those instead
 * (istio {@code listener_inbound.go}), each forwarding to its {@code defaultEndpoint}, and a
 * Service port without one reaches the app through the inbound passthrough, without the
 * DestinationRule's inbound connection pool.
 */
final class SidecarIngressBinder {
  private static final List<String> KEYS = List.of("port", "bind", "captureMode", "defaultEndpoint", "tls",
      "connectionPool");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0.0.0.0", "[::1]", "[::]", "");

  private SidecarIngressBinder() {}

  static void bind(YamlMap spec, Warnings warnings) {
    Set<Integer> ports = new HashSet<>();
    for (YamlNode node : spec.list("ingress")) {
      YamlMap listener = node.asMap().allowOnly(KEYS);
      if (!listener.has("port")) {
        throw listener.fail("sidecar: port is required for ingress listeners (istiod's validation)");
      }
      YamlMap port = listener.required("port").asMap().allowOnly("number", "protocol", "name", "targetPort");
      if (port.has("targetPort")) {
        throw port.failAtKey("targetPort", "targetPort has no impact on Sidecars (istiod rejects it)");
      }
      int number = port.required("number").asInt(1, 65535);
      if (!ports.add(number)) {
        throw port.required("number").fail("sidecar: ports on IP bound listeners must be unique (" + number
            + " is listed twice)");
      }
      String protocol = port.string("protocol", "").toUpperCase(Locale.ROOT);
      if (IstioProtocol.ofServiceEntry(protocol) == null) {
        throw port.required("protocol").fail("unrecognized protocol " + YamlScalar.quote(protocol) + " (Istio rejects it)");
      }
      String endpoint = listener.has("defaultEndpoint") ? defaultEndpoint(listener.required("defaultEndpoint")) : null;
      if (listener.has("tls") && !protocol.equals("HTTPS") && !protocol.equals("TLS")) {
        throw listener.failAtKey("tls", "server cannot have TLS settings for non HTTPS/TLS ports (istiod's validation)");
      }
      warnings.add(node, "Sidecar ingress listener on port " + number + (endpoint == null ? "" : " to " + endpoint)
          + " is not modelled yet: meshsim keeps istiod's inbound listeners without ingress (one per Service port,"
          + " to the app on its target port); istiod would build only the ingress listeners, each to its"
          + " defaultEndpoint, and send other ports through the inbound passthrough");
    }
  }

  /** {@code defaultEndpoint}, checked: a loopback or wildcard address and a port, or a unix socket. */
  private static String defaultEndpoint(YamlNode node) {
    String value = node.asNonEmptyString();
    if (value.startsWith("unix://")) {
      if (value.length() == "unix://".length()) {
        throw node.fail("a unix:// defaultEndpoint needs a socket path");
      }
      return value;
    }
    int colon = value.lastIndexOf(':');
    String host = colon < 0 ? value : value.substring(0, colon);
    String portText = colon < 0 ? "" : value.substring(colon + 1);
    if (colon < 0 || !LOOPBACK.contains(host)) {
      throw node.fail("sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,"
          + "unix://filepath or unset");
    }
    if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)
        || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
      throw node.fail("sidecar: defaultEndpoint port (" + portText + ") must be a number 1..65535");
    }
    return value;
  }
}
