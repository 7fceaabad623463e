package dev.meshsim.testkit.model;

/**
 * One cluster of a matched route's split, as {@link ModelAdapter#destinations} finds it (the kit
 * maps it onto its {@code WeightedDestination}).
 *
 * @param cluster the Envoy cluster name
 * @param weight its weight as the route has it (a lone destination has 1)
 * @param share its share of the route's total weight, in (0, 1]
 * @param subset the DestinationRule subset the route names, or null
 * @param known whether the client's proxy has this cluster
 */
public record ClusterShare(String cluster, int weight, double share, String subset, boolean known) {}
