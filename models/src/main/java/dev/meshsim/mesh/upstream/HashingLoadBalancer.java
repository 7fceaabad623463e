package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;
import java.util.Arrays;

/**
 * Envoy's thread-aware hashing balancers ({@code thread_aware_lb_impl.cc}): one lookup structure
 * per cluster, built over the current candidate hosts (the healthy ones, or all of them in panic)
 * and shared by every worker; each worker's {@link LoadBalancer} only reads it. Envoy rebuilds the
 * structure on every host-set or health change; here it is rebuilt when a pick sees a candidate set
 * other than the one it was built over (an exact comparison, as cheap as a signature and never
 * wrong), so an ejection or an un-ejection rebuilds it once.
 *
 * <p>A request without a hash (the route's hash policy found no key) is looked up with a random
 * 64-bit value, as Envoy does ({@code random_.random()}): a random host, each with its share of
 * the ring or table. A re-pick for the retry host predicate passes its attempt number, which the
 * ring and Maglev turn into another entry as Envoy's {@code chooseHost(hash, attempt)} does.
 */
public abstract class HashingLoadBalancer {

  /** A lookup structure over one candidate set; {@link #position} indexes that set. */
  interface Table {
    int position(long hash, int attempt);
  }

  private Host[] builtFor = new Host[0];
  private int builtCount = -1;
  private Table table;
  private int builds;

  /** Builds the structure over these addresses (the candidates, in candidate order). */
  abstract Table build(String[] candidateAddresses);

  /**
   * The structure over {@code candidates[0..count)}, rebuilt if the set changed (the same Host
   * objects in the same order: a host kept by an endpoint update is the same object).
   */
  final Table tableFor(Host[] candidates, int count) {
    if (table == null || count != builtCount || !Arrays.equals(candidates, 0, count, builtFor, 0, count)) {
      String[] candidateAddresses = new String[count];
      for (int i = 0; i < count; i++) {
        candidateAddresses[i] = candidates[i].address();
      }
      table = build(candidateAddresses);
      builtFor = Arrays.copyOf(candidates, count);
      builtCount = count;
      builds++;
    }
    return table;
  }

  /** How many times the structure was built (for tests: rebuilds happen only on set changes). */
  final int builds() {
    return builds;
  }

  /** A worker's balancer over this shared structure, drawing from {@code random} for unhashed requests. */
  public final LoadBalancer forWorker(RandomStream random) {
    return new Worker(this, random);
  }

  private static final class Worker implements LoadBalancer {
    private final HashingLoadBalancer shared;
    private final RandomStream random;
    /** The random hash of the current pick, reused by its re-picks as Envoy reuses {@code h}. */
    private long randomHash;

    Worker(HashingLoadBalancer shared, RandomStream random) {
      this.shared = shared;
      this.random = random;
    }

    @Override
    public Host choose(Host[] candidates, int count, long hash, int attempt) {
      long h = hash;
      if (h == NO_HASH) {
        if (attempt == 0) {
          randomHash = random.nextLong();
        }
        h = randomHash;
      }
      return candidates[shared.tableFor(candidates, count).position(h, attempt)];
    }
  }
}
