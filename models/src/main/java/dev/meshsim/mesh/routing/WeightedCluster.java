package dev.meshsim.mesh.routing;

/**
 * One entry of a route's {@code weighted_clusters}.
 *
 * @param clusterName the Envoy cluster, e.g. {@code outbound|9080|v1|reviews.default.svc.cluster.local}
 * @param weight relative weight, > 0
 * @param subset the DestinationRule subset named by the route, or null
 */
public record WeightedCluster(String clusterName, int weight, String subset) {}
