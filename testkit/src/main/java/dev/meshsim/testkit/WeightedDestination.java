package dev.meshsim.testkit;

/**
 * One cluster of a route's split.
 *
 * @param cluster the Envoy cluster name
 * @param weight its weight as the route has it (a lone destination has 1)
 * @param share its share of the route's total weight, in (0, 1]
 * @param subset the DestinationRule subset the route names, or null
 * @param known whether the client's proxy has this cluster; a request sent to an unknown one ends
 *     {@code 503 NC}
 */
public record WeightedDestination(String cluster, int weight, double share, String subset, boolean known) {}
