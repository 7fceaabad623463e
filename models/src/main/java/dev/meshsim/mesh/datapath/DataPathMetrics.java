package dev.meshsim.mesh.datapath;

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
public final class DataPathMetrics {
  private final SortedMap<Integer, Integer> maxRetriesByLimit = new TreeMap<>();
  private final List<ClusterState> clusters = new ArrayList<>();

  /** A request ended after {@code retries} retries under a route limit of {@code limit}. */
  void retried(int limit, int retries) {
    maxRetriesByLimit.merge(limit, retries, Math::max);
  }

  /** A sidecar built state for a cluster. */
  void clusterCreated(String sidecar, int workers, Cluster cluster) {
    clusters.add(new ClusterState(sidecar, workers, cluster));
  }

  /** Per retry limit under which some request retried, the most retries one such request made. */
  public SortedMap<Integer, Integer> maxRetriesByLimit() {
    return Collections.unmodifiableSortedMap(maxRetriesByLimit);
  }

  /** One client sidecar's cluster state, as built (each version after a CDS change on its own). */
  public record ClusterState(String sidecar, int workers, Cluster cluster) {}

  /** Every cluster state any sidecar built, in the order built. */
  public List<ClusterState> clusters() {
    return Collections.unmodifiableList(clusters);
  }
}
