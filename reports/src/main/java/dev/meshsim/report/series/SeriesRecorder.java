package dev.meshsim.report.series;

import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RequestListener;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the time series of a run from its finished requests: one for the total, one per load
 * generator and one per destination service, all with the same buckets from the warmup on. Call
 * {@link #finish(long)} once the run is over.
 */
public final class SeriesRecorder implements RequestListener {
  private final long originNanos;
  private final long bucketNanos;
  private final boolean intervalLogs;
  private final Series total;
  private final TreeMap<String, Series> loads = new TreeMap<>();
  private final TreeMap<String, Series> services = new TreeMap<>();
  private final TreeMap<String, java.util.TreeSet<String>> callers = new TreeMap<>();
  private boolean finished;

  /**
   * @param originNanos the first bucket's start (the warmup)
   * @param bucketNanos bucket width
   * @param intervalLogs whether the load series keep HdrHistogram interval logs (for {@code --hgrm})
   */
  public SeriesRecorder(long originNanos, long bucketNanos, boolean intervalLogs) {
    if (bucketNanos <= 0) {
      throw new IllegalArgumentException("bucket must be positive: " + bucketNanos);
    }
    this.originNanos = originNanos;
    this.bucketNanos = bucketNanos;
    this.intervalLogs = intervalLogs;
    this.total = new Series("total", originNanos, bucketNanos, false);
  }

  @Override
  public void finished(FinishedRequest r) {
    if (finished) {
      throw new IllegalStateException("request after finish()");
    }
    long latency = r.durationNanos();
    total.record(r.endNanos(), latency, r.code(), r.flags());
    loads.computeIfAbsent(r.load(), n -> new Series(n, originNanos, bucketNanos, intervalLogs))
        .record(r.endNanos(), latency, r.code(), r.flags());
    services.computeIfAbsent(r.destinationService(), n -> new Series(n, originNanos, bucketNanos, false))
        .record(r.endNanos(), latency, r.code(), r.flags());
    callers.computeIfAbsent(r.destinationService(), n -> new java.util.TreeSet<>()).add(r.load());
  }

  /** Closes every series' buckets up to {@code endNanos} (the simulated end), so all have the same length. */
  public void finish(long endNanos) {
    if (finished) {
      return;
    }
    finished = true;
    total.finish(endNanos);
    loads.values().forEach(s -> s.finish(endNanos));
    services.values().forEach(s -> s.finish(endNanos));
  }

  public long bucketNanos() {
    return bucketNanos;
  }

  public long originNanos() {
    return originNanos;
  }

  public Series total() {
    return total;
  }

  /** Per load generator name, sorted; a load with no counted request has none. */
  public SortedMap<String, Series> loads() {
    return Collections.unmodifiableSortedMap(loads);
  }

  /** The load generators that called {@code service}, sorted. */
  public java.util.SortedSet<String> callers(String service) {
    return Collections.unmodifiableSortedSet(callers.getOrDefault(service, new java.util.TreeSet<>()));
  }

  /** Per destination service FQDN, sorted. */
  public SortedMap<String, Series> services() {
    return Collections.unmodifiableSortedMap(services);
  }
}
