package dev.meshsim.scenario;

import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.PeerAuthentication;
import dev.meshsim.istio.PeerAuthentication.Mode;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code security.istio.io} PeerAuthentication's spec (peer_authentication.proto), checked as
 * istiod's validation checks it ({@code pkg/config/validation} {@code ValidatePeerAuthentication}):
 * {@code portLevelMtls} needs a selector, is not empty when present, and names ports 1..65535.
 */
final class PeerAuthenticationBinder {
  private final Warnings warnings;
  private final String rootNamespace;

  PeerAuthenticationBinder(Warnings warnings, String rootNamespace) {
    this.warnings = warnings;
    this.rootNamespace = rootNamespace;
  }

  PeerAuthentication bind(ObjectMeta meta, YamlMap spec) {
    spec.allowOnly("selector", "mtls", "portLevelMtls");
    Map<String, String> selector = spec.optional("selector")
        .map(n -> n.asMap().allowOnly("matchLabels").stringMap("matchLabels")).orElse(Map.of());
    Mode mode = mode(spec.get("mtls"));
    Map<Integer, Mode> ports = new LinkedHashMap<>();
    if (spec.has("portLevelMtls")) {
      YamlMap levels = spec.required("portLevelMtls").asMap();
      if (selector.isEmpty()) {
        throw spec.failAtKey("portLevelMtls", "a mesh-wide or namespace-wide PeerAuthentication (no selector) cannot"
            + " have portLevelMtls (istiod rejects it); add a selector");
      }
      if (levels.keys().isEmpty()) {
        throw levels.fail("portLevelMtls, if defined, must have at least one port (istiod rejects an empty one)");
      }
      for (String key : levels.keys()) {
        ports.put(port(levels, key), mode(levels.required(key)));
      }
    }
    if (!selector.isEmpty() && meta.namespace().equals(rootNamespace)) {
      warnings.add(spec.required("selector"), "PeerAuthentication " + meta.namespace() + "/" + meta.name()
          + " has a selector in the root namespace " + rootNamespace + ": istiod ignores workload-level policies"
          + " there (put it in the workload's namespace)");
    }
    return new PeerAuthentication(meta, selector, mode, ports);
  }

  /** {@code {mode: …}}; absent or without a mode is UNSET (inherit). */
  private static Mode mode(YamlNode node) {
    if (node == null) {
      return Mode.UNSET;
    }
    YamlMap m = node.asMap().allowOnly("mode");
    return m.optional("mode").map(n -> IstioFields.enumValue(n, Mode.class)).orElse(Mode.UNSET);
  }

  private static int port(YamlMap levels, String key) {
    int port;
    try {
      port = Integer.parseInt(key);
    } catch (NumberFormatException e) {
      throw levels.failAtKey(key, "portLevelMtls keys are port numbers, got " + dev.meshsim.yaml.YamlScalar.quote(key));
    }
    if (port < 1 || port > 65535) {
      throw levels.failAtKey(key, "port must be between 1 and 65535 (istiod: port cannot be 0), got " + port);
    }
    return port;
  }
}
