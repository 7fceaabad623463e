package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Picks one host for one request among the candidates (the healthy hosts, or all in panic). Envoy
 * builds one load balancer per worker thread; the active-request gauge it reads is per host and
 * shared by the workers.
 */
public interface LoadBalancer {

  /** The hash of a request for which the route's hash policy produced no key. */
  long NO_HASH = Long.MIN_VALUE;

  /**
   * Picks from {@code candidates[0..count)}, host indices into the cluster.
   *
   * @param activeRequests per host, indexed by host
   * @param hash the request's hash for consistent-hash balancers, or {@link #NO_HASH}
   */
  int choose(int[] candidates, int count, int[] activeRequests, long hash);

  /**
   * A re-pick for the retry host predicate ({@code attempt} 1, 2, …; 0 is the first pick). Envoy's
   * hashing balancers use the attempt to leave the key's own host; the others simply draw again.
   */
  default int choose(int[] candidates, int count, int[] activeRequests, long hash, int attempt) {
    return choose(candidates, count, activeRequests, hash);
  }

  /** The balancer Envoy would build for {@code policy}; the hashing ones need the hosts, see {@link #forWorkers}. */
  static LoadBalancer create(LbPolicy policy, RandomStream random) {
    return switch (policy) {
      case ROUND_ROBIN -> new RoundRobin(random);
      case RANDOM -> (candidates, count, active, hash) -> candidates[random.nextInt(count)];
      case LEAST_REQUEST -> new LeastRequest(random);
      case RING_HASH, MAGLEV -> throw new IllegalArgumentException(policy + " is built over the hosts: use forWorkers");
    };
  }

  /**
   * One balancer per worker for a cluster. RING_HASH and MAGLEV workers share one ring or table, as
   * Envoy's thread-aware balancers do; the others are independent per worker.
   *
   * @param random the random stream of worker {@code w}
   */
  static LoadBalancer[] forWorkers(ClusterConfig config, int workers, IntFunction<RandomStream> random) {
    ClusterSettings settings = config.settings();
    List<String> addresses = config.endpoints().stream().map(Endpoint::address).toList();
    HashingLoadBalancer shared = switch (settings.lbPolicy()) {
      case RING_HASH -> new RingHashLoadBalancer(addresses, settings.hashLbSize());
      case MAGLEV -> new MaglevLoadBalancer(addresses, settings.hashLbSize());
      case ROUND_ROBIN, RANDOM, LEAST_REQUEST -> null;
    };
    LoadBalancer[] balancers = new LoadBalancer[workers];
    for (int w = 0; w < workers; w++) {
      balancers[w] = shared != null ? shared.forWorker(random.apply(w)) : create(settings.lbPolicy(), random.apply(w));
    }
    return balancers;
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
    public int choose(int[] candidates, int count, int[] activeRequests, long hash) {
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
    public int choose(int[] candidates, int count, int[] activeRequests, long hash) {
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
