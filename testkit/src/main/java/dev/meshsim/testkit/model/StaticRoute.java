package dev.meshsim.testkit.model;

/**
 * What the client's sidecar decides before any upstream is involved, in this package's own terms so
 * that the model side names none of the kit's public records (the kit maps this onto its {@code
 * RouteDecision}; the dependency stays one way: kit → model adapter).
 *
 * @param cluster the cluster picked, null when no route matched
 * @param routeName the route's name, null when unnamed or none matched
 * @param virtualHost {@code <fqdn>:<port>}, or {@code allow_any}
 * @param share the picked cluster's share of its route's weights; 0 when none
 * @param code the local reply's code, or 0 when the request is forwarded
 * @param flag the local reply's Envoy flag, or {@code -}
 * @param rule the VirtualService {@code http[]} entry the route was built from, or null
 */
public record StaticRoute(String cluster, String routeName, String virtualHost, double share, int code, String flag,
    Rule rule) {

  /** One {@code http[]} entry of a VirtualService: its namespace, name, position and {@code name}. */
  public record Rule(String namespace, String virtualService, int index, String name) {}

  static StaticRoute forwarded(String cluster, String routeName, String virtualHost, double share, Rule rule) {
    return new StaticRoute(cluster, routeName, virtualHost, share, 0, "-", rule);
  }

  static StaticRoute localReply(String cluster, String routeName, String virtualHost, double share, int code,
      String flag, Rule rule) {
    return new StaticRoute(cluster, routeName, virtualHost, share, code, flag, rule);
  }
}
