package dev.meshsim.mesh.datapath;

import dev.meshsim.result.FailureWindow;
import dev.meshsim.result.Phase;
import dev.meshsim.result.TimeBucket;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Counted requests over time, by start time: a bucketed time series (codes and flags per bucket),
 * the phases between timeline actions (full traffic stats each), and, derived from the series, the
 * windows in which requests failed. Memory grows with the number of buckets, not of requests.
 */
public final class TimelineStats {
  /** Whether the scenario has timeline actions, without which nothing here is reported. */
  private final boolean active;
  private final long bucketNanos;
  private final long fromNanos;
  private final long toNanos;
  private final List<TimelineBucket> buckets = new ArrayList<>();
  private final long[] phaseStarts;
  private final String[] phaseLabels;
  private final TrafficStats[] phases;

  public TimelineStats(long bucketNanos, long fromNanos, long toNanos, List<TimelineEvent> events) {
    this.active = !events.isEmpty();
    this.bucketNanos = bucketNanos;
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
    List<Long> starts = new ArrayList<>(List.of(fromNanos));
    List<String> labels = new ArrayList<>(List.of("start"));
    for (TimelineEvent e : events) {
      if (e.atNanos() > fromNanos && e.atNanos() < toNanos) {
        if (starts.get(starts.size() - 1) == e.atNanos()) {
          labels.set(labels.size() - 1, labels.get(labels.size() - 1) + "; " + e.describe());
        } else {
          starts.add(e.atNanos());
          labels.add(e.describe());
        }
      }
    }
    phaseStarts = starts.stream().mapToLong(Long::longValue).toArray();
    phaseLabels = labels.toArray(new String[0]);
    phases = new TrafficStats[phaseStarts.length];
    for (int i = 0; i < phases.length; i++) {
      phases[i] = new TrafficStats();
    }
  }

  /**
   * A counted request that started at {@code startNanos} ended. Without timeline actions nothing is
   * kept: reports show the series, phases and windows only for a timeline, and the series grows by
   * one bucket per {@code report.bucket} of simulated time, so a run without one stays flat in memory.
   */
  void record(long startNanos, long latency, int code, String flags, String cluster) {
    if (!active) {
      return;
    }
    int index = (int) ((startNanos - fromNanos) / bucketNanos);
    while (buckets.size() <= index) {
      buckets.add(new TimelineBucket());
    }
    buckets.get(index).record(startNanos, latency, code, flags);
    phases[phaseOf(startNanos)].record(latency, code, flags, cluster);
  }

  private int phaseOf(long start) {
    int i = phaseStarts.length - 1;
    while (i > 0 && phaseStarts[i] > start) {
      i--;
    }
    return i;
  }

  /**
   * The series from the warmup to the duration, empty buckets included; empty without timeline
   * actions, as no report shows it then, so that a run's result does not hold one empty bucket per
   * {@code report.bucket} of simulated time (about 230 bytes each: 22 MiB at 100,000 s of 1 s buckets).
   */
  public List<TimeBucket> series() {
    if (!active) {
      return List.of();
    }
    List<TimeBucket> out = new ArrayList<>();
    int count = (int) ((toNanos - fromNanos + bucketNanos - 1) / bucketNanos);
    for (int i = 0; i < Math.max(count, buckets.size()); i++) {
      TimelineBucket b = i < buckets.size() ? buckets.get(i) : new TimelineBucket();
      out.add(new TimeBucket(fromNanos + i * bucketNanos, b.requests, b.failed, b.latencySum, b.maxLatency,
          b.codes(), b.flags()));
    }
    return out;
  }

  public List<Phase> phases() {
    List<Phase> out = new ArrayList<>();
    for (int i = 0; i < phases.length; i++) {
      long end = i + 1 < phases.length ? phaseStarts[i + 1] : toNanos;
      out.add(new Phase(phaseLabels[i], phaseStarts[i], end, phases[i]));
    }
    return out;
  }

  /** Runs of consecutive buckets with failures. */
  public List<FailureWindow> failureWindows() {
    List<FailureWindow> out = new ArrayList<>();
    int i = 0;
    while (i < buckets.size()) {
      if (buckets.get(i).failed == 0) {
        i++;
        continue;
      }
      long from = buckets.get(i).firstFailure;
      long to = from;
      long failed = 0;
      long requests = 0;
      TreeMap<Integer, Long> codes = new TreeMap<>();
      TreeMap<String, Long> flags = new TreeMap<>();
      while (i < buckets.size() && buckets.get(i).failed > 0) {
        TimelineBucket b = buckets.get(i);
        to = b.lastFailure;
        failed += b.failed;
        requests += b.requests;
        b.failedCodes().forEach((k, v) -> codes.merge(k, v, Long::sum));
        b.failedFlags().forEach((k, v) -> flags.merge(k, v, Long::sum));
        i++;
      }
      out.add(new FailureWindow(from, to, failed, requests, codes, flags));
    }
    return out;
  }
}
