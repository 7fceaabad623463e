package dev.meshsim.report.prometheus;

import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RequestListener;
import java.util.Collections;
import java.util.HashMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Istio's standard request metrics, accumulated from the finished requests as each client sidecar's
 * stats filter would: one counter and one duration histogram per label set. Memory grows with the
 * number of distinct label sets (loads x destinations x codes x flags), not with requests. A request
 * from a pod without a sidecar has no Envoy to report it and is not counted, as in Istio.
 */
public final class IstioMetrics implements RequestListener {
  /** Envoy's default histogram buckets, in milliseconds (what Istio's duration histogram uses). */
  public static final double[] DURATION_BUCKETS_MS = {0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000,
    10000, 30000, 60000, 300000, 600000, 1800000, 3600000};

  /** Istio's labels of one series, in the order they are printed. */
  public record Labels(String sourceWorkload, String sourceNamespace, String destinationWorkload,
      String destinationWorkloadNamespace, String destinationService, String destinationServiceName,
      String destinationServiceNamespace, String responseCode, String responseFlags) implements Comparable<Labels> {
    @Override
    public int compareTo(Labels o) {
      return key().compareTo(o.key());
    }

    String key() {
      return String.join("\u0000", sourceWorkload, sourceNamespace, destinationWorkload,
          destinationWorkloadNamespace, destinationService, destinationServiceName, destinationServiceNamespace,
          responseCode, responseFlags);
    }
  }

  /** Counts of one label set: requests, and the duration histogram (non-cumulative buckets, sum). */
  public static final class Series {
    private long count;
    private final long[] buckets = new long[DURATION_BUCKETS_MS.length];
    private long sumNanos;

    void record(long nanos) {
      count++;
      sumNanos += nanos;
      double ms = nanos / 1e6;
      for (int i = 0; i < buckets.length; i++) {
        if (ms <= DURATION_BUCKETS_MS[i]) {
          buckets[i]++;
          break;
        }
      }
    }

    public long count() {
      return count;
    }

    /** Requests at or below bucket {@code i}'s bound (Prometheus' cumulative {@code le}). */
    public long cumulative(int i) {
      long n = 0;
      for (int j = 0; j <= i; j++) {
        n += buckets[j];
      }
      return n;
    }

    public long sumNanos() {
      return sumNanos;
    }
  }

  // Hash maps on the per-request path (a TreeMap of records compares label strings at every step);
  // the output sorts, so their order never reaches a file.
  private final HashMap<Labels, Series> series = new HashMap<>();
  private final HashMap<String, String> workloads = new HashMap<>();
  private final HashMap<String, String[]> services = new HashMap<>();

  @Override
  public void finished(FinishedRequest r) {
    if (r.proxyStartNanos() < 0 || r.proxyEndNanos() < 0) {
      return;
    }
    String[] service = services.computeIfAbsent(r.destinationService(), IstioMetrics::nameAndNamespace);
    String workload = r.upstreamPod() == null ? "unknown" : workloads.computeIfAbsent(r.upstreamPod(),
        IstioMetrics::workloadOf);
    Labels labels = new Labels(r.load(), r.sourceNamespace(), workload,
        r.upstreamPod() == null ? "unknown" : service[1], r.destinationService(), service[0], service[1],
        Integer.toString(r.code()), r.flags());
    series.computeIfAbsent(labels, l -> new Series()).record(r.proxyEndNanos() - r.proxyStartNanos());
  }

  /** {@code reviews.default.svc.cluster.local} is service {@code reviews} in namespace {@code default}. */
  private static String[] nameAndNamespace(String fqdn) {
    String[] parts = fqdn.split("\\.", 3);
    return new String[] {parts[0], parts.length > 1 ? parts[1] : "unknown"};
  }

  /**
   * The Deployment a pod belongs to, which is Istio's {@code destination_workload}: meshsim names a
   * Deployment's pods {@code <deployment>-<n>}. {@code unknown} when no host was picked (NR, NC,
   * UH), as Istio reports it.
   */
  static String workloadOf(String pod) {
    if (pod == null) {
      return "unknown";
    }
    return pod.replaceFirst("-\\d+$", "");
  }

  /** Every label set and its counts, sorted by the labels in print order. */
  public SortedMap<Labels, Series> series() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(series));
  }
}
