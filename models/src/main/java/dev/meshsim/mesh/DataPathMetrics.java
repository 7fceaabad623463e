package dev.meshsim.mesh;

import dev.meshsim.mesh.upstream.CircuitBreaker;
import dev.meshsim.mesh.upstream.Cluster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Measurements of the data path that are not Envoy stats: the most retries one request made per
 * retry limit, and the high-water marks of every client cluster's circuit breaker. Kept apart from
 * the components that produce them (a stats object, as a cache simulator keeps its own), so that
 * tests and reports read them without reaching into sidecars.
 */
final class DataPathMetrics {
  private final SortedMap<Integer, Integer> maxRetriesByLimit = new TreeMap<>();
  private final List<Registered> clusters = new ArrayList<>();

  /** One client sidecar's cluster (each version after a CDS change counts on its own). */
  private record Registered(String sidecar, int workers, Cluster cluster) {}

  /** A request ended after {@code retries} retries under a route limit of {@code limit}. */
  void retried(int limit, int retries) {
    maxRetriesByLimit.merge(limit, retries, Math::max);
  }

  /** A sidecar built state for a cluster. */
  void clusterCreated(String sidecar, int workers, Cluster cluster) {
    clusters.add(new Registered(sidecar, workers, cluster));
  }

  /** Per retry limit under which some request retried, the most retries one such request made. */
  SortedMap<Integer, Integer> maxRetriesByLimit() {
    return Collections.unmodifiableSortedMap(maxRetriesByLimit);
  }

  /** The circuit-breaker peaks of every cluster state any sidecar built, in the order built. */
  List<UpstreamPeaks> upstreamPeaks() {
    List<UpstreamPeaks> peaks = new ArrayList<>();
    for (Registered r : clusters) {
      CircuitBreaker b = r.cluster().breaker();
      peaks.add(new UpstreamPeaks(r.sidecar(), r.cluster().name(), r.workers(), r.cluster().hosts().size(),
          b.limits(), b.peakConnections(), b.peakPendingRequests(), b.peakRequests(), b.peakRetries()));
    }
    return peaks;
  }
}
