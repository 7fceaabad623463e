package dev.meshsim.scenario;

import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;

/**
 * {@code istio.meshConfig}: the part of Istio's mesh config ({@code istio} ConfigMap, {@code
 * IstioOperator spec.meshConfig}) meshsim models: {@code outboundTrafficPolicy.mode}, {@code
 * enableAutoMtls} and {@code rootNamespace}.
 */
final class MeshConfigBinder {
  private static final java.util.List<String> MESH_CONFIG_KEYS =
      java.util.List.of("outboundTrafficPolicy", "enableAutoMtls", "rootNamespace");

  private MeshConfigBinder() {}

  /**
   * {@code enableAutoMtls} (Istio's default true since 1.5; before that it did not exist and
   * clients sent plaintext unless a DestinationRule said {@code ISTIO_MUTUAL}) and {@code
   * rootNamespace} (default istio-system).
   */
  static dev.meshsim.istio.MtlsSettings mtls(YamlNode istio, IstioVersion version) {
    boolean autoDefault = version.atLeast(1, 5);
    if (!(istio instanceof YamlMap m) || !m.has("meshConfig")) {
      return new dev.meshsim.istio.MtlsSettings(java.util.List.of(), autoDefault,
          dev.meshsim.istio.MtlsSettings.DEFAULT_ROOT_NAMESPACE);
    }
    YamlMap meshConfig = m.required("meshConfig").asMap().allowOnly(MESH_CONFIG_KEYS);
    String root = meshConfig.optional("rootNamespace").map(KubeNames::namespace)
        .orElse(dev.meshsim.istio.MtlsSettings.DEFAULT_ROOT_NAMESPACE);
    return new dev.meshsim.istio.MtlsSettings(java.util.List.of(), meshConfig.bool("enableAutoMtls", autoDefault), root);
  }

  /** The outbound policy of {@code istio} (a mapping or the list form); Istio's default ALLOW_ANY. */
  static OutboundTrafficPolicy outboundPolicy(YamlNode istio) {
    if (!(istio instanceof YamlMap m) || !m.has("meshConfig")) {
      return OutboundTrafficPolicy.ALLOW_ANY;
    }
    YamlMap meshConfig = m.required("meshConfig").asMap().allowOnly(MESH_CONFIG_KEYS);
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
