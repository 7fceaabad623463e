package dev.meshsim.result;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Whether the spans of each trace are linked (trouble 8 of seed 001: tracing is not transparent).
 * Envoy starts a trace at the first sidecar and reports a span per hop, but only the app can tie
 * the request it serves to the calls it makes, by copying the trace headers into them. A trace is
 * one load generator request and its call tree: complete when every app on the way passed the
 * trace context on, broken otherwise. Per service, the requests it served whose span is linked into
 * their load's trace, and those that ended up in a fragment of their own.
 *
 * <p>Mutable while the run records into it; reports only read. Keys are sorted.
 */
public final class TraceStats {
  /** Two counts, e.g. complete and broken traces. */
  public static final class Counts {
    private long good;
    private long bad;

    /** Complete traces, or linked spans. */
    public long good() {
      return good;
    }

    /** Broken traces, or unlinked spans. */
    public long bad() {
      return bad;
    }
  }

  private final SortedMap<String, Counts> loads = new TreeMap<>();
  private final SortedMap<String, Counts> services = new TreeMap<>();

  /** A load's request ended: its trace is complete or broken. */
  public void countTrace(String load, boolean broken) {
    count(loads, load, !broken);
  }

  /** A service served a request whose span is linked into its trace, or not. */
  public void countSpan(String service, boolean linked) {
    count(services, service, linked);
  }

  private static void count(SortedMap<String, Counts> map, String key, boolean good) {
    Counts c = map.get(key);
    if (c == null) {
      c = new Counts();
      map.put(key, c);
    }
    if (good) {
      c.good++;
    } else {
      c.bad++;
    }
  }

  /** Per load: complete ({@code good}) and broken ({@code bad}) traces. */
  public SortedMap<String, Counts> loads() {
    return Collections.unmodifiableSortedMap(loads);
  }

  /** Per service (short name): linked ({@code good}) and unlinked ({@code bad}) spans. */
  public SortedMap<String, Counts> services() {
    return Collections.unmodifiableSortedMap(services);
  }

  /** Traces of every load: complete and broken. */
  public long completeTraces() {
    return loads.values().stream().mapToLong(Counts::good).sum();
  }

  public long brokenTraces() {
    return loads.values().stream().mapToLong(Counts::bad).sum();
  }
}
