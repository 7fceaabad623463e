package dev.meshsim.testkit.model;

/**
 * How the caller's records are made from what the model decided: the kit passes its own public
 * records' constructors, so the adapter names none of them (the kit depends on this package, not
 * the other way round) and makes no records of its own in between.
 *
 * @param <D> where a request goes (the kit's {@code RouteDecision})
 * @param <S> one cluster of a route's split (the kit's {@code WeightedDestination})
 * @param <R> a VirtualService {@code http[]} entry (the kit's {@code RouteRule})
 */
public interface Answers<D, S, R> {
  /**
   * @param cluster the cluster picked, null when no route matched
   * @param routeName the route's name, null when unnamed or none matched
   * @param virtualHost {@code <fqdn>:<port>}, or {@code allow_any}
   * @param share the picked cluster's share of its route's weights; 0 when none
   * @param code the local reply's code, or 0 when the request is forwarded
   * @param flag the local reply's Envoy flag, or {@code -}
   * @param rule the entry the route was built from, or null
   */
  D decision(String cluster, String routeName, String virtualHost, double share, int code, String flag, R rule);

  /** A cluster of the split, its weight and share, its subset or null, whether the proxy has it. */
  S share(String cluster, int weight, double share, String subset, boolean known);

  /** The {@code index}th {@code http[]} entry of VirtualService {@code namespace/virtualService}. */
  R rule(String namespace, String virtualService, int index, String name);
}
