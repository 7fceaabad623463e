package dev.meshsim.istio;

import java.util.Map;

/**
 * A DestinationRule subset.
 *
 * @param name the subset's name (the third field of the Envoy cluster name)
 * @param labels pods with all of these labels belong to the subset
 */
public record Subset(String name, Map<String, String> labels) {

  public Subset {
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
  }
}
