package dev.meshsim.result;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a set of requests looked like to their senders: latency, response codes, Envoy response
 * flags and the Envoy clusters they were routed to. Memory is constant in the number of requests:
 * an HdrHistogram (3 significant digits, up to one hour) and three small sorted maps.
 *
 * <p>Mutable while the run records into it; reports only read.
 */
public final class TrafficStats {
  /** Highest latency the histogram tracks exactly: one hour, in nanoseconds. */
  public static final long MAX_TRACKABLE_NANOS = 3_600_000_000_000L;

  private final Histogram latencyNanos = new Histogram(1, MAX_TRACKABLE_NANOS, 3);
  private final TreeMap<Integer, Long> codes = new TreeMap<>();
  private final TreeMap<String, Long> flags = new TreeMap<>();
  private final TreeMap<String, Long> clusters = new TreeMap<>();
  private long requests;

  /** Records one finished request. {@code cluster} may be null (no Envoy cluster was chosen). */
  public void record(long latency, int code, String flag, String cluster) {
    requests++;
    latencyNanos.recordValue(Math.max(1, Math.min(latency, MAX_TRACKABLE_NANOS)));
    codes.merge(code, 1L, Long::sum);
    flags.merge(flag, 1L, Long::sum);
    if (cluster != null) {
      clusters.merge(cluster, 1L, Long::sum);
    }
  }

  /** Counts one upstream request routed to {@code cluster} without recording a latency. */
  public void countCluster(String cluster) {
    clusters.merge(cluster, 1L, Long::sum);
  }

  public long requests() {
    return requests;
  }

  /** Latency in nanoseconds. */
  public Histogram latency() {
    return latencyNanos;
  }

  /** Count by HTTP response code, ascending. */
  public SortedMap<Integer, Long> codes() {
    return Collections.unmodifiableSortedMap(codes);
  }

  /** Count by response flags as Envoy prints them ({@code -} for none, {@code UF,URX} …), sorted. */
  public SortedMap<String, Long> flags() {
    return Collections.unmodifiableSortedMap(flags);
  }

  /** Count of requests by Envoy cluster name, sorted. */
  public SortedMap<String, Long> clusters() {
    return Collections.unmodifiableSortedMap(clusters);
  }
}
