package dev.meshsim.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a run measured, for reports to read. Holds no wall-clock figure, so that the same
 * scenario and seed give the same result on any machine.
 *
 * @param scenario the scenario's name
 * @param seed the seed the run used
 * @param durationNanos how long load was offered
 * @param warmupNanos requests started before this were not counted
 * @param total every counted request of every load generator; its {@code clusters} also counts the
 *     upstream requests of app-to-app calls, i.e. every request any sidecar routed
 * @param loads per load generator, in scenario order, keyed by the load's name
 * @param unfinished requests still in flight when the run ended (they are in no other count)
 * @param simulatedEndNanos the simulated time at which the run ended (after draining)
 * @param clusterStats Envoy's per-cluster stats summed over client sidecars, by cluster name
 * @param timeline what happened over time (time series, phases, failure windows, convergence of
 *     config changes, istiod's pushes, pod events); null for hand-built results
 * @param traces whether traces' spans were linked; null unless some app in the scenario declares
 *     {@code propagate} (the header propagation meshsim then follows)
 */
public record RunResult(
    String scenario,
    long seed,
    long durationNanos,
    long warmupNanos,
    TrafficStats total,
    Map<String, TrafficStats> loads,
    long unfinished,
    long simulatedEndNanos,
    Map<String, ClusterStats> clusterStats,
    TimelineResult timeline,
    TraceStats traces) {

  public RunResult {
    loads = Collections.unmodifiableMap(new LinkedHashMap<>(loads));
    clusterStats = Collections.unmodifiableSortedMap(new java.util.TreeMap<>(clusterStats));
  }

  /** A result without trace counts (no app declares {@code propagate}). */
  public RunResult(String scenario, long seed, long durationNanos, long warmupNanos, TrafficStats total,
      Map<String, TrafficStats> loads, long unfinished, long simulatedEndNanos,
      Map<String, ClusterStats> clusterStats, TimelineResult timeline) {
    this(scenario, seed, durationNanos, warmupNanos, total, loads, unfinished, simulatedEndNanos, clusterStats,
        timeline, null);
  }

  /** A result without Envoy cluster stats (runs without sidecars, hand-built results in tests). */
  public RunResult(String scenario, long seed, long durationNanos, long warmupNanos, TrafficStats total,
      Map<String, TrafficStats> loads, long unfinished, long simulatedEndNanos) {
    this(scenario, seed, durationNanos, warmupNanos, total, loads, unfinished, simulatedEndNanos, Map.of());
  }

  /** A result without a timeline (hand-built results in tests). */
  public RunResult(String scenario, long seed, long durationNanos, long warmupNanos, TrafficStats total,
      Map<String, TrafficStats> loads, long unfinished, long simulatedEndNanos,
      Map<String, ClusterStats> clusterStats) {
    this(scenario, seed, durationNanos, warmupNanos, total, loads, unfinished, simulatedEndNanos, clusterStats,
        null);
  }

  /** Length of the measured window, {@code duration - warmup}, in seconds. */
  public double measuredSeconds() {
    return (durationNanos - warmupNanos) / 1e9;
  }
}
