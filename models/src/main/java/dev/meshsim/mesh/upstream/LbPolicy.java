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
  MAGLEV,
  /**
   * An ORIGINAL_DST cluster's own balancer ({@link OriginalDstLoadBalancer}): the request's original
   * destination is the host. istiod sets it for every ORIGINAL_DST cluster, whatever the
   * DestinationRule says (istio {@code cluster_traffic_policy.go}, {@code applyLoadBalancer}).
   */
  CLUSTER_PROVIDED;

  /** Whether the balancer picks by the request's hash (Envoy's thread-aware hashing balancers). */
  public boolean consistentHash() {
    return this == RING_HASH || this == MAGLEV;
  }
}
