package dev.meshsim.scenario;

import dev.meshsim.app.HttpRequestSpec;
import java.util.Map;

/**
 * A load generator: a client pod (fortio in the mesh) with its own sidecar unless {@code sidecar}
 * is false.
 *
 * @param name the load's name; its pod is named after it
 * @param namespace the client pod's namespace (default {@code default})
 * @param labels the client pod's labels (default {@code app: <name>}), for {@code sourceLabels}
 * @param request what each request sends
 * @param arrival how requests arrive
 * @param maxRequests stop after this many requests in all (fortio {@code -n}); 0 means no limit
 * @param sidecar whether the client pod has a sidecar (default true)
 * @param locality where the client pod runs ({@link Locality#NONE} by default)
 */
public record LoadSpec(
    String name,
    String namespace,
    Map<String, String> labels,
    HttpRequestSpec request,
    Arrival arrival,
    long maxRequests,
    boolean sidecar,
    Locality locality) {

  public LoadSpec {
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    if (locality == null) {
      throw new IllegalArgumentException("locality must not be null; use Locality.NONE");
    }
  }

  /** A load whose client pod has no locality. */
  public LoadSpec(String name, String namespace, Map<String, String> labels, HttpRequestSpec request,
      Arrival arrival, long maxRequests, boolean sidecar) {
    this(name, namespace, labels, request, arrival, maxRequests, sidecar, Locality.NONE);
  }
}
