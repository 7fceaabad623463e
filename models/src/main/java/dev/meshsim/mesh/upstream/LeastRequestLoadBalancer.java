package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;

/**
 * Envoy's LEAST_REQUEST with equal weights: draw {@code choice_count} (default 2) hosts uniformly
 * <em>with replacement</em> and keep the one with strictly fewer active requests; a tie keeps the
 * earlier draw (envoy {@code least_request_lb.cc}, {@code unweightedHostPick}).
 */
final class LeastRequestLoadBalancer implements LoadBalancer {
  /** Envoy's default {@code choice_count}; Istio does not set it. */
  static final int CHOICE_COUNT = 2;

  private final int hosts;
  private final RandomStream random;

  LeastRequestLoadBalancer(int hosts, RandomStream random) {
    this.hosts = hosts;
    this.random = random;
  }

  @Override
  public int choose(int[] activeRequests) {
    int best = random.nextInt(hosts);
    for (int i = 1; i < CHOICE_COUNT; i++) {
      int candidate = random.nextInt(hosts);
      if (activeRequests[candidate] < activeRequests[best]) {
        best = candidate;
      }
    }
    return best;
  }
}
