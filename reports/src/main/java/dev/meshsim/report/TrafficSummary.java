package dev.meshsim.report;

import dev.meshsim.result.TrafficStats;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The report figures of one {@link TrafficStats}: what both the text and the JSON report print for
 * the total and for each load generator.
 *
 * @param requests requests counted (finished after warmup)
 * @param throughput requests per second of the measured window, 3 decimals
 * @param latencyMs latency in milliseconds
 * @param codes count by HTTP response code, ascending
 * @param flags count by Envoy response flags ({@code -} for none), sorted
 * @param clusters count by Envoy cluster name, sorted; for the total this also counts upstream
 *     requests of app-to-app calls, so its sum may exceed {@code requests}
 */
public record TrafficSummary(
    long requests,
    BigDecimal throughput,
    LatencyMillis latencyMs,
    SortedMap<Integer, Long> codes,
    SortedMap<String, Long> flags,
    SortedMap<String, Long> clusters) {

  /** Copies the maps, so that a summary does not change while the run records on. */
  public TrafficSummary {
    codes = Collections.unmodifiableSortedMap(new TreeMap<>(codes));
    flags = Collections.unmodifiableSortedMap(new TreeMap<>(flags));
    clusters = Collections.unmodifiableSortedMap(new TreeMap<>(clusters));
  }

  /** Summarises {@code stats} measured over a window of {@code windowNanos}. */
  public static TrafficSummary of(TrafficStats stats, long windowNanos) {
    return new TrafficSummary(
        stats.requests(),
        Decimals.perSecond(stats.requests(), windowNanos),
        LatencyMillis.of(stats.latency()),
        stats.codes(),
        stats.flags(),
        stats.clusters());
  }

  /** Sum of the cluster counts: the base of the cluster percentages. */
  public long clusterTotal() {
    return clusters.values().stream().mapToLong(Long::longValue).sum();
  }
}
