package dev.meshsim.mesh.upstream;

import java.util.List;

/**
 * A cluster's hosts grouped by EDS priority, with what Envoy's load balancer derives from their
 * health (envoy {@code PrioritySet} / {@code HostSet}, and {@code LoadBalancerBase}'s {@code
 * per_priority_load_} and {@code per_priority_panic_}): per priority, the candidate hosts (the
 * healthy ones, or all of them in panic) and the share of requests it gets ({@link PriorityLoad}).
 *
 * <p>Envoy recomputes this on every host health change; here the cluster marks it stale when its
 * outlier detector ejects or un-ejects a host, and the next pick recomputes it. Picks in between
 * only read arrays. An endpoint update builds a new one over the cluster's new host list.
 */
final class PrioritySet {
  /** Hosts per priority, in cluster order. */
  private final Host[][] hosts;
  private final Host[][] candidates;
  private final int[] counts;
  private final int[] hostCounts;
  private final int[] healthy;
  private final int[] load;
  private final boolean[] panic;
  private final double panicThresholdPercent;
  private boolean stale = true;

  PrioritySet(List<Host> all, List<Integer> priorities, int priorityCount, double panicThresholdPercent) {
    this.panicThresholdPercent = panicThresholdPercent;
    this.hostCounts = new int[priorityCount];
    for (int p : priorities) {
      hostCounts[p]++;
    }
    this.hosts = new Host[priorityCount][];
    this.candidates = new Host[priorityCount][];
    for (int p = 0; p < priorityCount; p++) {
      hosts[p] = new Host[hostCounts[p]];
      candidates[p] = new Host[hostCounts[p]];
    }
    int[] filled = new int[priorityCount];
    for (int h = 0; h < priorities.size(); h++) {
      int p = priorities.get(h);
      hosts[p][filled[p]++] = all.get(h);
    }
    this.counts = new int[priorityCount];
    this.healthy = new int[priorityCount];
    this.load = new int[priorityCount];
    this.panic = new boolean[priorityCount];
  }

  /** Number of priorities (1 without locality failover). */
  int size() {
    return hosts.length;
  }

  /** A host's health changed: recompute before the next pick. */
  void markStale() {
    stale = true;
  }

  /** Recomputes the candidates and loads if a host's health changed since the last pick. */
  void refresh() {
    if (!stale) {
      return;
    }
    stale = false;
    for (int p = 0; p < hosts.length; p++) {
      healthy[p] = healthyCandidates(p);
    }
    PriorityLoad.compute(hostCounts, healthy, panicThresholdPercent, load, panic);
    for (int p = 0; p < hosts.length; p++) {
      counts[p] = healthy[p];
      if (panic[p]) {
        System.arraycopy(hosts[p], 0, candidates[p], 0, hosts[p].length);
        counts[p] = hosts[p].length;
      }
    }
  }

  /** Fills {@code candidates[p]} with the priority's healthy hosts; returns how many. */
  private int healthyCandidates(int p) {
    int n = 0;
    for (Host h : hosts[p]) {
      if (!h.ejected()) {
        candidates[p][n++] = h;
      }
    }
    return n;
  }

  /** The priority for a draw in 1..100 (Envoy's {@code choosePriority}). */
  int choose(int draw) {
    return PriorityLoad.choose(load, draw);
  }

  /** Priority {@code p}'s candidates: indices {@code [0, count(p))} are valid. */
  Host[] candidates(int p) {
    return candidates[p];
  }

  int count(int p) {
    return counts[p];
  }

  /** Percent of requests priority {@code p} gets now (for tests). */
  int load(int p) {
    return load[p];
  }
}
