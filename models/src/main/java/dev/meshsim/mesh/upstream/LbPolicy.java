package dev.meshsim.mesh.upstream;

/**
 * Load-balancing algorithms by the names Istio's DestinationRule uses ({@code
 * trafficPolicy.loadBalancer.simple}).
 */
public enum LbPolicy {
  /** Istio's default since 1.14 (istio/istio PR #37220): power of two choices on active requests. */
  LEAST_REQUEST,
  ROUND_ROBIN,
  RANDOM
}
