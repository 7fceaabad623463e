package dev.meshsim.scenario;

import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;

/**
 * {@code istio.meshConfig}: the part of Istio's mesh config ({@code istio} ConfigMap, {@code
 * IstioOperator spec.meshConfig}) meshsim models, {@code outboundTrafficPolicy.mode}.
 */
final class MeshConfigBinder {
  private MeshConfigBinder() {}

  /** The outbound policy of {@code istio} (a mapping or the list form); Istio's default ALLOW_ANY. */
  static OutboundTrafficPolicy outboundPolicy(YamlNode istio) {
    if (!(istio instanceof YamlMap m) || !m.has("meshConfig")) {
      return OutboundTrafficPolicy.ALLOW_ANY;
    }
    YamlMap meshConfig = m.required("meshConfig").asMap().allowOnly("outboundTrafficPolicy");
    if (!meshConfig.has("outboundTrafficPolicy")) {
      return OutboundTrafficPolicy.ALLOW_ANY;
    }
    YamlMap policy = meshConfig.required("outboundTrafficPolicy").asMap().allowOnly("mode");
    if (!policy.has("mode")) {
      return OutboundTrafficPolicy.ALLOW_ANY;
    }
    YamlNode mode = policy.required("mode");
    String text = mode.asString();
    for (OutboundTrafficPolicy p : OutboundTrafficPolicy.values()) {
      if (p.name().equals(text)) {
        return p;
      }
    }
    throw mode.expected("ALLOW_ANY or REGISTRY_ONLY, not " + YamlScalar.quote(text));
  }
}
