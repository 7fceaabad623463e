package dev.meshsim.istio;

import java.util.List;

/**
 * A {@code networking.istio.io} DestinationRule.
 *
 * @param meta name, namespace, read order
 * @param host {@code spec.host}, as written (short names resolve in {@code meta.namespace})
 * @param trafficPolicy {@code spec.trafficPolicy}, or null; see {@link TrafficPolicy#effective}
 * @param subsets named subsets, each a label selector over the host's pods
 * @param exportTo {@code spec.exportTo} as written ({@code .}, {@code *} or namespace names); empty
 *     means the mesh default, {@code *} (every namespace); see {@link DestinationRuleLookup}
 */
public record DestinationRule(ObjectMeta meta, String host, TrafficPolicy trafficPolicy, List<Subset> subsets,
    List<String> exportTo) {

  public DestinationRule {
    subsets = List.copyOf(subsets);
    exportTo = List.copyOf(exportTo);
  }

  /** A rule exported to every namespace (Istio's default). */
  public DestinationRule(ObjectMeta meta, String host, TrafficPolicy trafficPolicy, List<Subset> subsets) {
    this(meta, host, trafficPolicy, subsets, List.of());
  }

  /** A rule without a traffic policy (kept for callers written before it existed). */
  public DestinationRule(ObjectMeta meta, String host, List<Subset> subsets) {
    this(meta, host, null, subsets);
  }
}
