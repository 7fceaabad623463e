package dev.meshsim.mesh.routing;

/**
 * One entry of a route's {@code weighted_clusters}.
 *
 * @param clusterName the Envoy cluster, e.g. {@code outbound|9080|v1|reviews.default.svc.cluster.local}
 * @param weight relative weight, > 0
 * @param subset the DestinationRule subset named by the route, or null
 * @param requestHeaders the destination's request header mutation ({@link HeaderMutation#NONE} for none)
 */
public record WeightedCluster(String clusterName, int weight, String subset, HeaderMutation requestHeaders) {

  public WeightedCluster {
    requestHeaders = requestHeaders == null ? HeaderMutation.NONE : requestHeaders;
  }

  public WeightedCluster(String clusterName, int weight, String subset) {
    this(clusterName, weight, subset, HeaderMutation.NONE);
  }
}
