package dev.meshsim.mesh.upstream;

/**
 * What a load balancer may ask of the request it picks a host for (Envoy's {@code
 * LoadBalancerContext}, {@code envoy/upstream/load_balancer.h}; the router implements it).
 */
public interface LoadBalancerContext {

  /** The request's hash for consistent-hash balancers, or {@link LoadBalancer#NO_HASH}. */
  long computeHashKey();

  /** Whether a pick of {@code host} should be drawn again (the retry host predicate). */
  boolean shouldSelectAnotherHost(Host host);

  /**
   * How many times a rejected pick may be drawn again; after that the last pick is kept. As in
   * Envoy's {@code LoadBalancerBase::chooseHost}, the picks in all are this plus one.
   */
  int hostSelectionRetryCount();

  /**
   * The address the app opened its connection to, before iptables sent it to the sidecar (Envoy
   * reads it as the downstream connection's restored local address), with the pod that holds it:
   * what an ORIGINAL_DST cluster makes its host ({@link OriginalDstLoadBalancer}). Null when the
   * address leads to no pod; the balancer then has no host ({@code 503 UH}).
   */
  default Endpoint originalDestination() {
    return null;
  }
}
