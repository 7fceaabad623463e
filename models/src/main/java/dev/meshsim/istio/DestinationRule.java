package dev.meshsim.istio;

import java.util.List;

/**
 * A {@code networking.istio.io} DestinationRule.
 *
 * @param meta name, namespace, read order
 * @param host {@code spec.host}, as written (short names resolve in {@code meta.namespace})
 * @param subsets named subsets, each a label selector over the host's pods
 */
public record DestinationRule(ObjectMeta meta, String host, List<Subset> subsets) {

  public DestinationRule {
    subsets = List.copyOf(subsets);
  }
}
