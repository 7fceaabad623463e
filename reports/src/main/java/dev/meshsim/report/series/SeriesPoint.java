package dev.meshsim.report.series;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One bucket of one series: the requests that ended in {@code [startNanos, startNanos + bucket)}.
 *
 * @param startNanos the bucket's start, simulated time
 * @param requests requests that ended in it
 * @param non5xx of those, how many got a response below 500 (Istio's dashboard success rate)
 * @param p50Nanos median latency, or 0 without requests
 * @param p90Nanos 90th percentile
 * @param p99Nanos 99th percentile
 * @param maxNanos the longest
 * @param outcomes count by response code and flags together, keyed {@code code + " " + flags}
 */
public record SeriesPoint(long startNanos, long requests, long non5xx, long p50Nanos, long p90Nanos,
    long p99Nanos, long maxNanos, SortedMap<String, Long> outcomes) {

  public SeriesPoint {
    outcomes = Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
  }

  /** The key of {@link #outcomes()} for a code and flags. */
  public static String outcomeKey(int code, String flags) {
    return code + " " + flags;
  }

  /** Counts by response code, ascending. */
  public SortedMap<Integer, Long> codes() {
    TreeMap<Integer, Long> codes = new TreeMap<>();
    outcomes.forEach((k, n) -> codes.merge(Integer.parseInt(k.substring(0, k.indexOf(' '))), n, Long::sum));
    return codes;
  }

  /** Counts by response flags, sorted. */
  public SortedMap<String, Long> flags() {
    TreeMap<String, Long> flags = new TreeMap<>();
    outcomes.forEach((k, n) -> flags.merge(k.substring(k.indexOf(' ') + 1), n, Long::sum));
    return flags;
  }

  /** Non-5xx share in [0, 1], or 1 without requests (nothing failed). */
  public double successRate() {
    return requests == 0 ? 1.0 : (double) non5xx / requests;
  }
}
