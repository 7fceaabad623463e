package dev.meshsim.testkit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client workload, as istiod sees its proxy when it generates the proxy's routes: its namespace
 * ({@code sourceNamespace}, DestinationRule lookup) and pod labels ({@code sourceLabels}).
 *
 * @param name a Deployment or load generator of the scenario, or {@link #ANONYMOUS_NAME}
 * @param namespace the pod's namespace
 * @param labels the pod's labels, sorted
 */
public record Workload(String name, String namespace, Map<String, String> labels) {
  public static final String ANONYMOUS_NAME = "anonymous";

  /** An unlabelled pod in {@code default}: the client of a request that names none. */
  public static final Workload ANONYMOUS = new Workload(ANONYMOUS_NAME, "default", Map.of());

  public Workload {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }
}
