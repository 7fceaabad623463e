package dev.meshsim.mesh.routing;

import dev.meshsim.istio.HeaderOperations;

/**
 * One entry of a route's {@code weighted_clusters}.
 *
 * @param clusterName the Envoy cluster, e.g. {@code outbound|9080|v1|reviews.default.svc.cluster.local}
 * @param weight relative weight, > 0
 * @param subset the DestinationRule subset named by the route, or null
 * @param requestHeaders the destination's request header operations (its {@code
 *     request_headers_to_add} and {@code _to_remove}), {@link HeaderOperations#NONE} for none
 */
public record WeightedCluster(String clusterName, int weight, String subset, HeaderOperations requestHeaders) {

  public WeightedCluster {
    requestHeaders = requestHeaders == null ? HeaderOperations.NONE : requestHeaders;
  }

  public WeightedCluster(String clusterName, int weight, String subset) {
    this(clusterName, weight, subset, HeaderOperations.NONE);
  }
}
