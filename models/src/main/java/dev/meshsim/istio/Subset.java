package dev.meshsim.istio;

import java.util.Map;

/**
 * A DestinationRule subset.
 *
 * @param name the subset's name (the third field of the Envoy cluster name)
 * @param labels pods with all of these labels belong to the subset
 * @param trafficPolicy the subset's own {@code trafficPolicy}, or null; it overrides the rule's
 *     component by component, see {@link TrafficPolicy#effective}
 */
public record Subset(String name, Map<String, String> labels, TrafficPolicy trafficPolicy) {

  public Subset {
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
  }

  /** A subset without a traffic policy (kept for callers written before it existed). */
  public Subset(String name, Map<String, String> labels) {
    this(name, labels, null);
  }
}
