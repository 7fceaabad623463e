package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;

/**
 * Picks one host for one request among the candidates (the healthy hosts, or all in panic). Envoy
 * builds one load balancer per worker thread; the active-request gauge it reads is per host and
 * shared by the workers.
 */
public interface LoadBalancer {

  /**
   * Picks from {@code candidates[0..count)}, host indices into the cluster.
   *
   * @param activeRequests per host, indexed by host
   */
  int choose(int[] candidates, int count, int[] activeRequests);

  /** The balancer Envoy would build for {@code policy}. */
  static LoadBalancer create(LbPolicy policy, RandomStream random) {
    return switch (policy) {
      case ROUND_ROBIN -> new RoundRobin(random);
      case RANDOM -> (candidates, count, active) -> candidates[random.nextInt(count)];
      case LEAST_REQUEST -> new LeastRequest(random);
    };
  }

  /**
   * Envoy's equal-weight round robin: {@code hosts[rr_index++ % n]}, the index starting at a random
   * value per balancer (envoy {@code load_balancer_impl.cc}) so clients do not all start on host 0.
   */
  final class RoundRobin implements LoadBalancer {
    private long index;

    RoundRobin(RandomStream random) {
      this.index = random.nextInt(1 << 20);
    }

    @Override
    public int choose(int[] candidates, int count, int[] activeRequests) {
      return candidates[(int) (index++ % count)];
    }
  }

  /**
   * Envoy's LEAST_REQUEST with equal weights: {@code choice_count} (default 2, Istio sets none)
   * draws with replacement; strictly fewer active requests wins, a tie keeps the earlier draw
   * ({@code least_request_lb.cc}, {@code unweightedHostPick}).
   */
  final class LeastRequest implements LoadBalancer {
    static final int CHOICE_COUNT = 2;
    private final RandomStream random;

    LeastRequest(RandomStream random) {
      this.random = random;
    }

    @Override
    public int choose(int[] candidates, int count, int[] activeRequests) {
      int best = candidates[random.nextInt(count)];
      for (int i = 1; i < CHOICE_COUNT; i++) {
        int candidate = candidates[random.nextInt(count)];
        if (activeRequests[candidate] < activeRequests[best]) {
          best = candidate;
        }
      }
      return best;
    }
  }
}
