package dev.meshsim.scenario;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.Optional;

/** The optional {@code mesh} block: per-hop data-path costs. */
final class MeshBinder {

  /** One iptables REDIRECT traversal. */
  static final Distribution DEFAULT_IPTABLES_HOP = new Distribution.Constant(20_000);
  /** One Envoy pass over one message; median 0.5ms is in line with Istio's published sidecar cost. */
  static final Distribution DEFAULT_SIDECAR_PROCESSING = new Distribution.LogNormal(500_000, 0.3);
  /** One-way pod-to-pod latency inside a cluster. */
  static final Distribution DEFAULT_NETWORK_LATENCY = new Distribution.Constant(200_000);

  static final MeshSettings DEFAULTS =
      new MeshSettings(DEFAULT_IPTABLES_HOP, true, DEFAULT_SIDECAR_PROCESSING, DEFAULT_NETWORK_LATENCY);

  private MeshBinder() {}

  static MeshSettings bind(YamlNode node) {
    if (node == null) {
      return DEFAULTS;
    }
    YamlMap mesh = node.asMap().allowOnly("iptables", "sidecar", "network");
    Optional<YamlMap> iptables = block(mesh, "iptables", "hop");
    Optional<YamlMap> sidecar = block(mesh, "sidecar", "enabled", "processing", "concurrency");
    Optional<YamlMap> network = block(mesh, "network", "latency");
    return new MeshSettings(
        distribution(iptables, "hop", DEFAULT_IPTABLES_HOP),
        sidecar.map(m -> m.bool("enabled", true)).orElse(true),
        distribution(sidecar, "processing", DEFAULT_SIDECAR_PROCESSING),
        distribution(network, "latency", DEFAULT_NETWORK_LATENCY),
        sidecar.flatMap(m -> m.optional("concurrency")).map(n -> n.asInt(1, ScenarioLimits.MAX_CONCURRENCY))
            .orElse(MeshSettings.DEFAULT_SIDECAR_CONCURRENCY));
  }

  private static Optional<YamlMap> block(YamlMap mesh, String key, String... allowed) {
    return mesh.optional(key).map(n -> n.asMap().allowOnly(allowed));
  }

  private static Distribution distribution(Optional<YamlMap> block, String key, Distribution dflt) {
    return block.flatMap(m -> m.optional(key)).map(DistributionBinder::bind).orElse(dflt);
  }
}
