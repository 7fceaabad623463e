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

  /** Envoy's cluster stats that meshsim counts, by their Envoy names. */
  public enum Stat {
    UPSTREAM_RQ_TOTAL("upstream_rq_total"),
    UPSTREAM_RQ_PENDING_TOTAL("upstream_rq_pending_total"),
    UPSTREAM_RQ_PENDING_OVERFLOW("upstream_rq_pending_overflow"),
    UPSTREAM_CX_TOTAL("upstream_cx_total"),
    UPSTREAM_CX_OVERFLOW("upstream_cx_overflow"),
    UPSTREAM_CX_CONNECT_FAIL("upstream_cx_connect_fail"),
    UPSTREAM_CX_CONNECT_TIMEOUT("upstream_cx_connect_timeout"),
    UPSTREAM_CX_MAX_REQUESTS("upstream_cx_max_requests"),
    UPSTREAM_RQ_RETRY("upstream_rq_retry"),
    UPSTREAM_RQ_RETRY_OVERFLOW("upstream_rq_retry_overflow"),
    UPSTREAM_RQ_RETRY_LIMIT_EXCEEDED("upstream_rq_retry_limit_exceeded"),
    UPSTREAM_RQ_TIMEOUT("upstream_rq_timeout"),
    UPSTREAM_RQ_PER_TRY_TIMEOUT("upstream_rq_per_try_timeout"),
    EJECTIONS_ENFORCED_TOTAL("outlier_detection.ejections_enforced_total"),
    EJECTIONS_OVERFLOW("outlier_detection.ejections_overflow"),
    UNEJECTIONS_TOTAL("outlier_detection.unejections_total");

    private final String envoyName;

    Stat(String envoyName) {
      this.envoyName = envoyName;
    }

    public String envoyName() {
      return envoyName;
    }
  }

  private static final Stat[] STATS = Stat.values();
  private static final int MAX_CODE = 600;

  // Arrays, not maps: these are counted several times per request on the simulation's hot path.
  private final long[] counts = new long[STATS.length];
  private final long[] codes = new long[MAX_CODE];
  private final List<OutlierEvent> events = new ArrayList<>();
  private final Tally.Codes responseCodes = new Tally.Codes();
  private final Tally<String> responseFlags = new Tally<>();
  private long eventsDropped;

  public void increment(Stat stat) {
    counts[stat.ordinal()]++;
  }

  /** One upstream response with {@code code}: Envoy's {@code upstream_rq_<code>}. */
  public void countCode(int code) {
    if (code >= 0 && code < MAX_CODE) {
      codes[code]++;
    }
  }

  public void addEvent(OutlierEvent event) {
    if (events.size() < MAX_EVENTS) {
      events.add(event);
    } else {
      eventsDropped++;
    }
  }

  /**
   * One request routed to this cluster ended with {@code code} and {@code flags} (after retries, as
   * the client sidecar's access log shows it; local replies such as {@code 503 NC} included).
   */
  public void countResponse(int code, String flags) {
    responseCodes.add(code);
    responseFlags.add(flags);
  }

  /** Final response codes of the requests routed to this cluster, ascending. */
  public SortedMap<Integer, Long> responseCodes() {
    return responseCodes.sorted();
  }

  /** Final response flags of the requests routed to this cluster, sorted. */
  public SortedMap<String, Long> responseFlags() {
    return responseFlags.sorted();
  }

  /** Counters by Envoy stat name, sorted; a stat never incremented is absent. */
  public SortedMap<String, Long> counters() {
    TreeMap<String, Long> m = new TreeMap<>();
    for (Stat s : STATS) {
      if (counts[s.ordinal()] > 0) {
        m.put(s.envoyName(), counts[s.ordinal()]);
      }
    }
    for (int code = 0; code < MAX_CODE; code++) {
      if (codes[code] > 0) {
        m.put("upstream_rq_" + code, codes[code]);
      }
    }
    return Collections.unmodifiableSortedMap(m);
  }

  public long counter(String stat) {
    return counters().getOrDefault(stat, 0L);
  }

  public long counter(Stat stat) {
    return counts[stat.ordinal()];
  }

  public List<OutlierEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** Events beyond {@link #MAX_EVENTS}, counted but not kept. */
  public long eventsDropped() {
    return eventsDropped;
  }
}
