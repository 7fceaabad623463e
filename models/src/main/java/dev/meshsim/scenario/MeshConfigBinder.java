package dev.meshsim.scenario;

import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.List;

/**
 * {@code istio.meshConfig}: the part of Istio's mesh config ({@code istio} ConfigMap, {@code
 * IstioOperator spec.meshConfig}) meshsim models: {@code outboundTrafficPolicy.mode} and the
 * default {@code exportTo} of VirtualServices and DestinationRules.
 */
final class MeshConfigBinder {
  private static final List<String> KEYS = List.of("outboundTrafficPolicy", "defaultVirtualServiceExportTo",
      "defaultDestinationRuleExportTo", "defaultServiceExportTo");

  private MeshConfigBinder() {}

  /** The default {@code exportTo} lists; empty: Istio's default, every namespace. */
  record ExportDefaults(List<String> virtualServices, List<String> destinationRules) {
    static final ExportDefaults NONE = new ExportDefaults(List.of(), List.of());
  }

  /**
   * {@code meshConfig.defaultVirtualServiceExportTo} and {@code defaultDestinationRuleExportTo}: the
   * exportTo of a resource that has none (istio {@code initDefaultExportMaps}). {@code
   * defaultServiceExportTo} is warned about: the visibility of Services is not modelled.
   */
  static ExportDefaults exportDefaults(YamlNode istio, Warnings warnings) {
    if (!(istio instanceof YamlMap m) || !m.has("meshConfig")) {
      return ExportDefaults.NONE;
    }
    YamlMap meshConfig = m.required("meshConfig").asMap().allowOnly(KEYS);
    warnings.notModelled(meshConfig, "defaultServiceExportTo");
    return new ExportDefaults(ExportTo.bind(meshConfig, "defaultVirtualServiceExportTo"),
        ExportTo.bind(meshConfig, "defaultDestinationRuleExportTo"));
  }

  /** The outbound policy of {@code istio} (a mapping or the list form); Istio's default ALLOW_ANY. */
  static OutboundTrafficPolicy outboundPolicy(YamlNode istio) {
    if (!(istio instanceof YamlMap m) || !m.has("meshConfig")) {
      return OutboundTrafficPolicy.ALLOW_ANY;
    }
    YamlMap meshConfig = m.required("meshConfig").asMap().allowOnly(KEYS);
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
