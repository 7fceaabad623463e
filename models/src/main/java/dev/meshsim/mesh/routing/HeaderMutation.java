package dev.meshsim.mesh.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Envoy's {@code request_headers_to_add} and {@code request_headers_to_remove} of a route or a
 * weighted cluster: headers to overwrite or add ({@code OVERWRITE_IF_EXISTS_OR_ADD}), to append to
 * ({@code APPEND_IF_EXISTS_OR_ADD}) and to remove, names lower-case. Envoy's {@code HeaderParser}
 * removes first, then adds.
 */
public record HeaderMutation(Map<String, String> overwrite, Map<String, String> append, List<String> remove) {
  public static final HeaderMutation NONE = new HeaderMutation(Map.of(), Map.of(), List.of());

  public HeaderMutation {
    overwrite = Collections.unmodifiableMap(new LinkedHashMap<>(overwrite));
    append = Collections.unmodifiableMap(new LinkedHashMap<>(append));
    remove = List.copyOf(remove);
  }

  public boolean isNone() {
    return overwrite.isEmpty() && append.isEmpty() && remove.isEmpty();
  }

  /** Applies it to {@code headers}: removes, then overwrites, then appends (a second value, read joined by ","). */
  void applyTo(Map<String, String> headers) {
    remove.forEach(headers::remove);
    headers.putAll(overwrite);
    append.forEach((name, value) -> headers.merge(name, value, (old, v) -> old + "," + v));
  }
}
