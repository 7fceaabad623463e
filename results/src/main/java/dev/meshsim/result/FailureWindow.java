package dev.meshsim.result;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A stretch of time in which requests failed: a run of consecutive time-series buckets with at
 * least one failed request, from the start of its first failed request to the start of its last.
 *
 * @param fromNanos start of the first failed request
 * @param toNanos start of the last failed request
 * @param failed failed requests in it
 * @param requests all requests of its buckets
 * @param codes the failed requests by code
 * @param flags the failed requests by Envoy response flags
 */
public record FailureWindow(long fromNanos, long toNanos, long failed, long requests,
    SortedMap<Integer, Long> codes, SortedMap<String, Long> flags) {

  public FailureWindow {
    codes = Collections.unmodifiableSortedMap(new TreeMap<>(codes));
    flags = Collections.unmodifiableSortedMap(new TreeMap<>(flags));
  }
}
