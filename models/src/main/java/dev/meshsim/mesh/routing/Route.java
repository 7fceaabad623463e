package dev.meshsim.mesh.routing;

import dev.meshsim.engine.random.RandomStream;
import java.util.List;

/**
 * One Envoy route: if any matcher holds (or there are none), the request goes to one of the weighted
 * clusters.
 *
 * @param name the route name Envoy logs ({@code %ROUTE_NAME%}): the HTTPRoute's name, or {@code
 *     default} for Istio's generated default route
 * @param matchers OR of matchers; empty matches every request
 * @param clusters weighted destinations; weight-0 entries already dropped
 * @param timeoutNanos the route timeout, covering retries and backoff; 0 disables it (Istio's
 *     default: it sets {@code 0s} unless the VirtualService has a {@code timeout})
 * @param retryPolicy the retry policy
 * @param fault fault injection applied before the router
 * @param directReplyCode when above 0, the router answers this status itself and forwards nothing:
 *     Envoy's {@code redirect} or {@code direct_response} route action (envoy {@code
 *     source/common/router/router.cc} {@code Filter::decodeHeaders}: a route with a {@code
 *     directResponseEntry()} is a local reply with that code and no response flag, after the
 *     filters before the router, such as the fault filter, have run); {@code clusters} is then empty
 * @param mirrors the route's request mirror policies, in order; empty for none
 * @param rewrite what the route changes in the request before it goes upstream, or null for nothing
 * @param clusterNotFoundCode the status the router answers (flag {@code NC}) when the picked cluster
 *     is not one the proxy has: Envoy's {@code cluster_not_found_response_code}, 503 by default; Istio
 *     sets 500 on routes of Gateway API semantics (istio {@code route.go}, {@code applyHTTPRouteDestination})
 */
public record Route(
    String name,
    List<RouteMatcher> matchers,
    List<WeightedCluster> clusters,
    long timeoutNanos,
    RetryPolicy retryPolicy,
    FaultPolicy fault,
    int directReplyCode,
    List<MirrorPolicy> mirrors,
    RequestRewrite rewrite,
    int clusterNotFoundCode) {

  /** Envoy's default {@code cluster_not_found_response_code}: {@code SERVICE_UNAVAILABLE}. */
  public static final int DEFAULT_CLUSTER_NOT_FOUND_CODE = 503;

  public Route {
    matchers = List.copyOf(matchers);
    clusters = List.copyOf(clusters);
    mirrors = List.copyOf(mirrors);
  }

  /** A route with Envoy's default answer (503) for a cluster the proxy does not have. */
  public Route(String name, List<RouteMatcher> matchers, List<WeightedCluster> clusters, long timeoutNanos,
      RetryPolicy retryPolicy, FaultPolicy fault, int directReplyCode, List<MirrorPolicy> mirrors,
      RequestRewrite rewrite) {
    this(name, matchers, clusters, timeoutNanos, retryPolicy, fault, directReplyCode, mirrors, rewrite,
        DEFAULT_CLUSTER_NOT_FOUND_CODE);
  }

  /** A route that changes nothing in the request. */
  public Route(String name, List<RouteMatcher> matchers, List<WeightedCluster> clusters, long timeoutNanos,
      RetryPolicy retryPolicy, FaultPolicy fault, int directReplyCode, List<MirrorPolicy> mirrors) {
    this(name, matchers, clusters, timeoutNanos, retryPolicy, fault, directReplyCode, mirrors, null);
  }

  /** A route without mirrors. */
  public Route(String name, List<RouteMatcher> matchers, List<WeightedCluster> clusters, long timeoutNanos,
      RetryPolicy retryPolicy, FaultPolicy fault, int directReplyCode) {
    this(name, matchers, clusters, timeoutNanos, retryPolicy, fault, directReplyCode, List.of());
  }

  /** A route that forwards to its clusters. */
  public Route(String name, List<RouteMatcher> matchers, List<WeightedCluster> clusters, long timeoutNanos,
      RetryPolicy retryPolicy, FaultPolicy fault) {
    this(name, matchers, clusters, timeoutNanos, retryPolicy, fault, 0, List.of());
  }

  /** The first of the matchers that holds for {@code request}, or null (also when there are none). */
  public RouteMatcher matcherFor(RequestAttributes request) {
    for (RouteMatcher m : matchers) {
      if (m.matches(request)) {
        return m;
      }
    }
    return null;
  }

  public boolean matches(RequestAttributes request) {
    if (matchers.isEmpty()) {
      return true;
    }
    for (RouteMatcher m : matchers) {
      if (m.matches(request)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Picks a cluster as Envoy's {@code WeightedClusterEntry} selection does: a random value modulo the
   * total weight, then the first entry whose running sum exceeds it.
   */
  public WeightedCluster pickCluster(RandomStream random) {
    if (clusters.size() == 1) {
      return clusters.get(0);
    }
    long total = 0; // a long, as Envoy's uint64 sum: two weights of 2^31-1 overflow an int
    for (WeightedCluster c : clusters) {
      total += c.weight();
    }
    // Within the int range the same draw as always, so existing outputs do not change.
    long selected = total <= Integer.MAX_VALUE ? random.nextInt((int) total)
        : Long.remainderUnsigned(random.nextLong(), total);
    long sum = 0;
    for (WeightedCluster c : clusters) {
      sum += c.weight();
      if (selected < sum) {
        return c;
      }
    }
    throw new IllegalStateException("weights changed while picking");
  }
}
