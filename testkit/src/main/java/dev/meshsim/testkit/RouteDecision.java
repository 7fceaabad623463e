package dev.meshsim.testkit;

/**
 * Where a client's sidecar sends one request, decided before any upstream is involved: the route
 * Envoy matched, the cluster it picked, and, when the sidecar answers by itself, the code and flag
 * of that local reply.
 *
 * @param cluster the Envoy cluster picked, e.g. {@code outbound|9080|v3|reviews.default.svc.cluster.local};
 *     null when no route matched; {@code PassthroughCluster} for a host outside the mesh
 * @param routeName the route's name as Envoy logs it ({@code %ROUTE_NAME%}): the {@code http[]}
 *     entry's name, {@code default} for Istio's default route, null when unnamed or none matched
 * @param virtualHost the virtual host, {@code <fqdn>:<port>}, or {@code allow_any}
 * @param weightShare the picked cluster's share of its route's weights, in (0, 1]; 0 when none
 * @param responseCode the local reply's code (404 no route, 503 no cluster, a fault abort's code),
 *     or 0 when the request is forwarded upstream and the upstream will answer
 * @param responseFlag the local reply's Envoy flag ({@code NR}, {@code NC}, {@code FI}), or {@code -}
 * @param rule the VirtualService {@code http[]} entry that matched; null for Istio's default route,
 *     passthrough, or no route
 */
public record RouteDecision(
    String cluster,
    String routeName,
    String virtualHost,
    double weightShare,
    int responseCode,
    String responseFlag,
    RouteRule rule) {

  /** A request the sidecar forwards to {@code cluster}. */
  public static RouteDecision forwarded(String cluster, String routeName, String virtualHost, double share,
      RouteRule rule) {
    return new RouteDecision(cluster, routeName, virtualHost, share, 0, "-", rule);
  }

  /** A request the sidecar answers itself. */
  public static RouteDecision localReply(String cluster, String routeName, String virtualHost, double share,
      int code, String flag, RouteRule rule) {
    return new RouteDecision(cluster, routeName, virtualHost, share, code, flag, rule);
  }

  /** Whether the request goes upstream (no local reply). */
  public boolean forwarded() {
    return responseCode == 0;
  }
}
