package dev.meshsim.scenario;

import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.List;

/**
 * {@code istio.meshConfig}: the part of Istio's mesh config ({@code istio} ConfigMap, {@code
 * IstioOperator spec.meshConfig}) meshsim models: {@code outboundTrafficPolicy.mode}, the
 * default {@code exportTo} of VirtualServices and DestinationRules, protocol detection, {@code
 * enableAutoMtls} and {@code rootNamespace}.
 */
final class MeshConfigBinder {
  static final List<String> MESH_CONFIG_KEYS = List.of("outboundTrafficPolicy", "defaultVirtualServiceExportTo",
      "defaultDestinationRuleExportTo", "defaultServiceExportTo", "protocolDetectionTimeout", "enableAutoMtls",
      "rootNamespace");

  private static final String SNIFF_OUTBOUND = "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND";
  private static final String SNIFF_INBOUND = "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_INBOUND";
  private static final long MS = 1_000_000L;

  private MeshConfigBinder() {}

  /** The default {@code exportTo} lists; empty: Istio's default, every namespace. */
  record ExportDefaults(List<String> virtualServices, List<String> destinationRules, List<String> services) {
    static final ExportDefaults NONE = new ExportDefaults(List.of(), List.of(), List.of());
  }

  /**
   * {@code meshConfig.defaultVirtualServiceExportTo}, {@code defaultDestinationRuleExportTo} and
   * {@code defaultServiceExportTo}: the exportTo of a resource that has none (istio {@code
   * initDefaultExportMaps}); the last is that of Services and ServiceEntries.
   */
  static ExportDefaults exportDefaults(YamlNode istio, Warnings warnings) {
    if (!(istio instanceof YamlMap m) || !m.has("meshConfig")) {
      return ExportDefaults.NONE;
    }
    YamlMap meshConfig = m.required("meshConfig").asMap().allowOnly(MESH_CONFIG_KEYS);
    return new ExportDefaults(ExportTo.bind(meshConfig, "defaultVirtualServiceExportTo"),
        ExportTo.bind(meshConfig, "defaultDestinationRuleExportTo"), ExportTo.bind(meshConfig, "defaultServiceExportTo"));
  }

  /** Where {@code meshConfig.defaultServiceExportTo} is written, or null. */
  static YamlNode defaultServiceExportTo(YamlNode istio) {
    if (!(istio instanceof YamlMap m) || !m.has("meshConfig")) {
      return null;
    }
    return m.required("meshConfig").asMap().get("defaultServiceExportTo");
  }

  /**
   * Protocol detection: {@code meshConfig.protocolDetectionTimeout} (default 100 ms before Istio
   * 1.8, 0 s since; istio's validation wants at least 1 ms, or 0 s to disable) and istiod's
   * sniffing switches from {@code pilot.env} (both default true).
   */
  static dev.meshsim.istio.ProtocolDetection protocolDetection(YamlNode istio, IstioVersion version, Warnings warnings) {
    long timeout = version.atLeast(1, 8) ? 0 : 100 * MS;
    boolean outbound = true;
    boolean inbound = true;
    if (istio instanceof YamlMap m && m.has("meshConfig")) {
      YamlMap meshConfig = m.required("meshConfig").asMap();
      if (meshConfig.has("protocolDetectionTimeout")) {
        YamlNode node = meshConfig.required("protocolDetectionTimeout");
        timeout = Fields.duration(node);
        if (timeout != 0 && timeout < MS) {
          throw node.fail("protocolDetectionTimeout must be at least 1ms, or 0s to disable it (Istio rejects "
              + Durations.format(timeout) + ")");
        }
      }
    }
    if (istio instanceof YamlMap m && m.has("pilot")) {
      YamlMap pilot = m.required("pilot").asMap().allowOnly("env");
      if (pilot.has("env")) {
        YamlMap env = pilot.required("env").asMap();
        for (String key : env.keys()) {
          if (!key.equals(SNIFF_OUTBOUND) && !key.equals(SNIFF_INBOUND)) {
            warnings.add(env.required(key), "istiod setting " + key + " is not modelled; ignored");
          }
        }
        outbound = envBool(env, SNIFF_OUTBOUND, outbound);
        inbound = envBool(env, SNIFF_INBOUND, inbound);
      }
    }
    return new dev.meshsim.istio.ProtocolDetection(outbound, inbound, timeout);
  }

  /** An istiod boolean environment variable, as Go's {@code strconv.ParseBool} reads it. */
  private static boolean envBool(YamlMap env, String key, boolean dflt) {
    if (!env.has(key)) {
      return dflt;
    }
    YamlNode node = env.required(key);
    String text = node.asString();
    return switch (text) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> throw node.expected("true or false, not " + YamlScalar.quote(text));
    };
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
}
