package dev.meshsim.result;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The requests that started in one bucket of the time series.
 *
 * @param startNanos the bucket's start
 * @param requests requests counted
 * @param failed of those, how many did not get a 2xx
 * @param latencySumNanos sum of their latencies (for the mean)
 * @param maxLatencyNanos the longest
 * @param codes count by response code
 * @param flags count by Envoy response flags
 */
public record TimeBucket(long startNanos, long requests, long failed, long latencySumNanos, long maxLatencyNanos,
    SortedMap<Integer, Long> codes, SortedMap<String, Long> flags) {

  public TimeBucket {
    codes = frozen(codes);
    flags = frozen(flags);
  }

  /** A copy that cannot change; an empty bucket (a series may have 100,000) shares the JDK's empty map. */
  private static <K> SortedMap<K, Long> frozen(SortedMap<K, Long> counts) {
    return counts.isEmpty() ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(counts));
  }
}
