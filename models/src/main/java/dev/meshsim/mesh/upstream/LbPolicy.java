package dev.meshsim.mesh.upstream;

/**
 * Load-balancing algorithms by the names Istio's DestinationRule uses ({@code
 * trafficPolicy.loadBalancer.simple}), and the two hashing ones {@code consistentHash} selects.
 */
public enum LbPolicy {
  /** Istio's default since 1.14 (istio/istio PR #37220): power of two choices on active requests. */
  LEAST_REQUEST,
  ROUND_ROBIN,
  RANDOM,
  /** {@code consistentHash} with {@code ringHash} or the legacy form (Envoy's Ketama ring). */
  RING_HASH,
  /** {@code consistentHash} with {@code maglev}. */
  MAGLEV;

  /** Whether the balancer picks by the request's hash (Envoy's thread-aware hashing balancers). */
  public boolean consistentHash() {
    return this == RING_HASH || this == MAGLEV;
  }
}
