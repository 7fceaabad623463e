package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;
import java.util.function.IntFunction;

/**
 * Picks one host for one request among the candidates (the healthy hosts, or all in panic). Envoy
 * builds one load balancer per worker thread; the active-request gauge it reads is the host's and
 * shared by the workers.
 */
public interface LoadBalancer {

  /** The hash of a request for which the route's hash policy produced no key. */
  long NO_HASH = Long.MIN_VALUE;

  /**
   * Picks from {@code candidates[0..count)}.
   *
   * @param hash the request's hash for consistent-hash balancers, or {@link #NO_HASH}
   * @param attempt 0 for the first pick; 1, 2, … for re-picks under the retry host predicate.
   *     Envoy's hashing balancers use it to leave the key's own host; the others simply draw again.
   */
  Host choose(Host[] candidates, int count, long hash, int attempt);

  /** The balancer Envoy would build for {@code policy}; the hashing ones are shared, see {@link #forWorkers}. */
  static LoadBalancer create(LbPolicy policy, RandomStream random) {
    return switch (policy) {
      case ROUND_ROBIN -> new RoundRobin(random);
      case RANDOM -> (candidates, count, hash, attempt) -> candidates[random.nextInt(count)];
      case LEAST_REQUEST -> new LeastRequest(random);
      case RING_HASH, MAGLEV -> throw new IllegalArgumentException(policy + " is shared by the workers: use forWorkers");
      case CLUSTER_PROVIDED -> throw new IllegalArgumentException("the cluster picks: OriginalDstLoadBalancer");
    };
  }

  /**
   * One balancer per worker for a cluster. RING_HASH and MAGLEV workers share one ring or table, as
   * Envoy's thread-aware balancers do; the others are independent per worker.
   *
   * @param random the random stream of worker {@code w}
   */
  static LoadBalancer[] forWorkers(ClusterSettings settings, int workers, IntFunction<RandomStream> random) {
    if (settings.lbPolicy() == LbPolicy.CLUSTER_PROVIDED) {
      return new LoadBalancer[workers]; // never asked: the cluster's OriginalDstLoadBalancer picks
    }
    HashingLoadBalancer shared = switch (settings.lbPolicy()) {
      case RING_HASH -> new RingHashLoadBalancer(settings.hashLbSize());
      case MAGLEV -> new MaglevLoadBalancer(settings.hashLbSize());
      case ROUND_ROBIN, RANDOM, LEAST_REQUEST, CLUSTER_PROVIDED -> null;
    };
    LoadBalancer[] balancers = new LoadBalancer[workers];
    for (int w = 0; w < workers; w++) {
      balancers[w] = shared != null ? shared.forWorker(random.apply(w)) : create(settings.lbPolicy(), random.apply(w));
    }
    return balancers;
  }

  /**
   * Envoy's equal-weight round robin: {@code hosts[rr_index++ % n]}, the index starting at a random
   * value per balancer (envoy {@code source/common/upstream/load_balancer_impl.cc}) so clients do
   * not all start on host 0.
   */
  final class RoundRobin implements LoadBalancer {
    private long index;

    RoundRobin(RandomStream random) {
      this.index = random.nextInt(1 << 20);
    }

    @Override
    public Host choose(Host[] candidates, int count, long hash, int attempt) {
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
    public Host choose(Host[] candidates, int count, long hash, int attempt) {
      Host best = candidates[random.nextInt(count)];
      for (int i = 1; i < CHOICE_COUNT; i++) {
        Host candidate = candidates[random.nextInt(count)];
        if (candidate.activeRequests() < best.activeRequests()) {
          best = candidate;
        }
      }
      return best;
    }
  }
}
