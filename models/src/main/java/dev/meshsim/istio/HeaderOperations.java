package dev.meshsim.istio;

import java.util.List;
import java.util.Map;

/**
 * Istio's {@code Headers.HeaderOperations}: {@code set} (overwrite or add), {@code add} (append to
 * what is there) and {@code remove}, names lower-case as Envoy keeps them. istiod turns them into
 * {@code request_headers_to_add} (with {@code OVERWRITE_IF_EXISTS_OR_ADD} for set, {@code
 * APPEND_IF_EXISTS_OR_ADD} for add) and {@code request_headers_to_remove}.
 */
public record HeaderOperations(Map<String, String> set, Map<String, String> add, List<String> remove) {
  public static final HeaderOperations NONE = new HeaderOperations(Map.of(), Map.of(), List.of());

  public HeaderOperations {
    set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    add = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(add));
    remove = List.copyOf(remove);
  }

  public boolean isNone() {
    return set.isEmpty() && add.isEmpty() && remove.isEmpty();
  }
}
