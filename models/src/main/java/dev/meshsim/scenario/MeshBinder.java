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
    YamlMap mesh = node.asMap().allowOnly("iptables", "sidecar", "network", "tls");
    Optional<YamlMap> iptables = block(mesh, "iptables", "hop");
    Optional<YamlMap> sidecar = block(mesh, "sidecar", "enabled", "processing", "concurrency");
    Optional<YamlMap> network = block(mesh, "network", "latency");
    Optional<YamlMap> tls = block(mesh, "tls", "handshake");
    return new MeshSettings(
        distribution(iptables, "hop", DEFAULT_IPTABLES_HOP),
        sidecar.map(m -> m.bool("enabled", true)).orElse(true),
        distribution(sidecar, "processing", DEFAULT_SIDECAR_PROCESSING),
        distribution(network, "latency", DEFAULT_NETWORK_LATENCY),
        sidecar.flatMap(m -> m.optional("concurrency")).map(n -> n.asInt(1, ScenarioLimits.MAX_CONCURRENCY))
            .orElse(MeshSettings.DEFAULT_SIDECAR_CONCURRENCY),
        tls.map(m -> tlsHandshake(m)).orElse(0L));
  }

  /** {@code tls.handshake}: a duration, at most 10 s (a handshake longer than a connect timeout is no handshake). */
  private static long tlsHandshake(YamlMap tls) {
    if (!tls.has("handshake")) {
      return 0;
    }
    long nanos = Fields.duration(tls.required("handshake"));
    if (nanos < 0 || nanos > MAX_TLS_HANDSHAKE) {
      throw tls.required("handshake").fail("tls.handshake must be between 0 and 10s");
    }
    return nanos;
  }

  private static final long MAX_TLS_HANDSHAKE = 10_000_000_000L;

  private static Optional<YamlMap> block(YamlMap mesh, String key, String... allowed) {
    return mesh.optional(key).map(n -> n.asMap().allowOnly(allowed));
  }

  private static Distribution distribution(Optional<YamlMap> block, String key, Distribution dflt) {
    return block.flatMap(m -> m.optional(key)).map(DistributionBinder::bind).orElse(dflt);
  }
}
