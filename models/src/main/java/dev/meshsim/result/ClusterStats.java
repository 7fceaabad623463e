package dev.meshsim.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Envoy's per-cluster statistics, summed over every client sidecar that has the cluster (as a
 * Prometheus query over all proxies would), under Envoy's own stat names ({@code
 * upstream_rq_pending_overflow}, {@code upstream_cx_total}, {@code
 * outlier_detection.ejections_enforced_total} …). Outlier ejections are also kept as timed events,
 * the first {@link #MAX_EVENTS} of them, so memory stays bounded.
 */
public final class ClusterStats {
  public static final int MAX_EVENTS = 1000;

  /** One ejection or un-ejection: when, by which sidecar, of which host. */
  public record OutlierEvent(long timeNanos, String sidecar, String host, boolean ejected) {}

  private final TreeMap<String, Long> counters = new TreeMap<>();
  private final List<OutlierEvent> events = new ArrayList<>();
  private long eventsDropped;

  public void increment(String stat) {
    counters.merge(stat, 1L, Long::sum);
  }

  public void addEvent(OutlierEvent event) {
    if (events.size() < MAX_EVENTS) {
      events.add(event);
    } else {
      eventsDropped++;
    }
  }

  /** Counters by Envoy stat name, sorted; a stat never incremented is absent. */
  public SortedMap<String, Long> counters() {
    return Collections.unmodifiableSortedMap(counters);
  }

  public long counter(String stat) {
    return counters.getOrDefault(stat, 0L);
  }

  public List<OutlierEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** Events beyond {@link #MAX_EVENTS}, counted but not kept. */
  public long eventsDropped() {
    return eventsDropped;
  }
}
