package dev.meshsim.result;

import java.util.SortedMap;
import org.HdrHistogram.Histogram;

/**
 * What a set of requests looked like to their senders: latency, response codes, Envoy response
 * flags and the Envoy clusters they were routed to. Memory is constant in the number of requests:
 * an HdrHistogram (3 significant digits, up to one hour) and three small tallies.
 *
 * <p>Mutable while the run records into it; reports only read.
 */
public final class TrafficStats {
  /** Highest latency the histogram tracks exactly: one hour, in nanoseconds. */
  public static final long MAX_TRACKABLE_NANOS = 3_600_000_000_000L;

  private final Histogram latencyNanos = new Histogram(1, MAX_TRACKABLE_NANOS, 3);
  private final Tally.Codes codes = new Tally.Codes();
  private final Tally<String> flags = new Tally<>();
  private final Tally<String> clusters = new Tally<>();
  private long requests;
  private long firstStartNanos = Long.MAX_VALUE;
  private long lastEndNanos = Long.MIN_VALUE;

  /** Records one finished request. {@code cluster} may be null (no Envoy cluster was chosen). */
  public void record(long latency, int code, String flag, String cluster) {
    requests++;
    latencyNanos.recordValue(Math.max(1, Math.min(latency, MAX_TRACKABLE_NANOS)));
    codes.add(code);
    flags.add(flag);
    if (cluster != null) {
      clusters.add(cluster);
    }
  }

  /** Counts one upstream request routed to {@code cluster} without recording a latency. */
  public void countCluster(String cluster) {
    clusters.add(cluster);
  }

  /**
   * Widens the span from the earliest start to the latest end of the recorded requests (a load's
   * stats keep it: fortio's {@code ActualDuration} of a run of so many calls).
   */
  public void span(long startNanos, long endNanos) {
    firstStartNanos = Math.min(firstStartNanos, startNanos);
    lastEndNanos = Math.max(lastEndNanos, endNanos);
  }

  /** From the earliest start to the latest end passed to {@link #span}; 0 if none was. */
  public long spanNanos() {
    return lastEndNanos < firstStartNanos ? 0 : lastEndNanos - firstStartNanos;
  }

  public long requests() {
    return requests;
  }

  /** Latency in nanoseconds. */
  public Histogram latency() {
    return latencyNanos;
  }

  /** Count by HTTP response code, ascending (a snapshot). */
  public SortedMap<Integer, Long> codes() {
    return codes.sorted();
  }

  /** Count (a snapshot) by response flags as Envoy prints them ({@code -} for none, {@code UF,URX} …), sorted. */
  public SortedMap<String, Long> flags() {
    return flags.sorted();
  }

  /** Count of requests by Envoy cluster name, sorted (a snapshot). */
  public SortedMap<String, Long> clusters() {
    return clusters.sorted();
  }
}
