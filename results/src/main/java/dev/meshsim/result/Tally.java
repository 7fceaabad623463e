package dev.meshsim.result;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts by key, for the counters a run bumps on every request (response codes, flags, clusters).
 * A hash map of mutable counters instead of a {@code TreeMap<K, Long>} merged with {@code
 * Long::sum}: the merge boxed a new {@code Long} per count above 127 and compared long cluster
 * names on every request (measured on bench-chain: 15% of the bytes allocated per request, and
 * several percent of its CPU samples). Codes 0..599 count in an array, so a code is never boxed.
 * Readers get a sorted snapshot, in the order the sorted map had.
 */
final class Tally<K extends Comparable<K>> {
  private static final int CODES = 600;

  private final Map<K, long[]> counts = new HashMap<>();

  /** One more of {@code key}. */
  void add(K key) {
    long[] n = counts.get(key);
    if (n == null) {
      n = new long[1];
      counts.put(key, n);
    }
    n[0]++;
  }

  /** The counts, sorted by key; a snapshot. */
  SortedMap<K, Long> sorted() {
    TreeMap<K, Long> m = new TreeMap<>();
    counts.forEach((k, n) -> m.put(k, n[0]));
    return Collections.unmodifiableSortedMap(m);
  }

  /** HTTP response codes: an array for 0..599, a map for anything else. */
  static final class Codes {
    private final long[] small = new long[CODES];
    private final Tally<Integer> other = new Tally<>();

    void add(int code) {
      if (code >= 0 && code < CODES) {
        small[code]++;
      } else {
        other.add(code);
      }
    }

    SortedMap<Integer, Long> sorted() {
      TreeMap<Integer, Long> m = new TreeMap<>(other.sorted());
      for (int c = 0; c < CODES; c++) {
        if (small[c] > 0) {
          m.put(c, small[c]);
        }
      }
      return Collections.unmodifiableSortedMap(m);
    }
  }
}
