package dev.meshsim.mesh.upstream;

import java.util.Arrays;

/**
 * Envoy's RING_HASH ({@code ring_hash_lb.cc}), Ketama style, with equal host weights (Istio sends
 * none): each host is hashed onto a ring {@code ceil(minRingSize / n)} times, point {@code i} at
 * {@code xxHash64("<ip:port>_<i>")}; a request goes to the first point whose hash is {@code >=} its
 * own, wrapping past the last point to the first. Removing one of {@code n} hosts moves only the
 * keys that hashed onto its arcs, about {@code 1/n} of them.
 *
 * <p>The ring size follows Envoy's arithmetic exactly ({@code scale = min(ceil(w * min) / w, max)}
 * with {@code w = 1/n}, then running sums of {@code scale * w} per host), so the same hosts give the
 * same ring as Envoy's. Envoy's default {@code maximum_ring_size} (8M) caps it.
 */
public final class RingHashLoadBalancer extends HashingLoadBalancer {
  /** Envoy's {@code minimum_ring_size} default; also what Istio's legacy {@code minimumRingSize} defaults to. */
  public static final long DEFAULT_MIN_RING_SIZE = 1024;
  /** Envoy's {@code maximum_ring_size} default, 8M; Istio does not set it. */
  public static final long DEFAULT_MAX_RING_SIZE = 8L * 1024 * 1024;

  private final long minRingSize;

  /**
   * @param minRingSize Istio's {@code minimumRingSize}; 0 for Envoy's default 1024
   */
  public RingHashLoadBalancer(long minRingSize) {
    this.minRingSize = minRingSize > 0 ? minRingSize : DEFAULT_MIN_RING_SIZE;
    if (this.minRingSize > DEFAULT_MAX_RING_SIZE) {
      throw new IllegalArgumentException("ring hash: minimum_ring_size (" + minRingSize
          + ") > maximum_ring_size (" + DEFAULT_MAX_RING_SIZE + ")");
    }
  }

  @Override
  Ring build(String[] candidateAddresses) {
    return Ring.build(candidateAddresses, minRingSize, DEFAULT_MAX_RING_SIZE);
  }

  /** The sorted ring: point hashes (unsigned order) and the candidate position each belongs to. */
  static final class Ring implements Table {
    final long[] hashes;
    final int[] positions;

    private Ring(long[] hashes, int[] positions) {
      this.hashes = hashes;
      this.positions = positions;
    }

    static Ring build(String[] addresses, long minRingSize, long maxRingSize) {
      int n = addresses.length;
      double weight = 1.0 / n; // host weight 1, normalized: 1 * 1.0 / sum
      double scale = Math.min(Math.ceil(weight * minRingSize) / weight, (double) maxRingSize);
      int ringSize = (int) Math.ceil(scale);
      long[] hashes = new long[ringSize + n];
      int[] owners = new int[ringSize + n];
      int size = 0;
      double current = 0;
      double target = 0;
      for (int host = 0; host < n; host++) {
        String prefix = addresses[host] + "_";
        target += scale * weight;
        for (long i = 0; current < target; i++) {
          hashes[size] = XxHash64.hash(prefix + i);
          owners[size] = host;
          size++;
          current++;
        }
      }
      // Sort the points by unsigned hash (flipping the sign bit makes signed order unsigned order).
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      long[] keys = hashes;
      Arrays.sort(order, (a, b) -> Long.compareUnsigned(keys[a], keys[b]));
      long[] sorted = new long[size];
      int[] positions = new int[size];
      for (int i = 0; i < size; i++) {
        sorted[i] = hashes[order[i]];
        positions[i] = owners[order[i]];
      }
      return new Ring(sorted, positions);
    }

    /**
     * Ketama's lookup (Envoy's {@code Ring::chooseHost}): the first point with hash {@code >= h},
     * else the first point; a re-pick for the retry host predicate moves {@code attempt} points on.
     */
    @Override
    public int position(long h, int attempt) {
      int lo = 0;
      int hi = hashes.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (Long.compareUnsigned(hashes[mid], h) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int index = lo == hashes.length ? 0 : lo;
      if (attempt > 0) {
        index = (int) ((index + (long) attempt) % hashes.length);
      }
      return positions[index];
    }

    int size() {
      return hashes.length;
    }
  }
}
