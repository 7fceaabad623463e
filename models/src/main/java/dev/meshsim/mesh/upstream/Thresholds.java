package dev.meshsim.mesh.upstream;

/**
 * Envoy's circuit-breaker thresholds for the DEFAULT priority, the only ones Istio sends. They are
 * per Envoy cluster and per client sidecar, shared by all of the cluster's hosts (istio
 * {@code cluster_traffic_policy.go}, istio/istio#42490), not per host as the Istio API text says.
 *
 * @param maxConnections {@code tcp.maxConnections}
 * @param maxPendingRequests {@code http.http1MaxPendingRequests}
 * @param maxRequests {@code http.http2MaxRequests} (applies to HTTP/1.1 too)
 * @param maxRetries {@code http.maxRetries}: outstanding retries at once
 */
public record Thresholds(long maxConnections, long maxPendingRequests, long maxRequests, long maxRetries) {
  /** What Istio sends when a setting is unset (or 0, which it cannot tell from unset): 2^32-1. */
  public static final long ISTIO_UNSET = 4_294_967_295L;

  public static final Thresholds ISTIO_DEFAULT =
      new Thresholds(ISTIO_UNSET, ISTIO_UNSET, ISTIO_UNSET, ISTIO_UNSET);
}
