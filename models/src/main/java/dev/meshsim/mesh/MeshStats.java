package dev.meshsim.mesh;

import dev.meshsim.result.TrafficStats;

/**
 * Where a run records what it measures. Only requests that start at or after the warmup count.
 */
final class MeshStats {
  private final long warmupNanos;
  private final TrafficStats total = new TrafficStats();

  MeshStats(long warmupNanos) {
    this.warmupNanos = warmupNanos;
  }

  boolean counts(Exchange exchange) {
    return exchange.startNanos() >= warmupNanos;
  }

  /** Every routing decision of every sidecar, load generators' and apps' alike. */
  void countRouted(Exchange exchange, String cluster) {
    if (counts(exchange)) {
      total.countCluster(cluster);
    }
  }

  /** A load generator's request ended; its cluster was already counted when routed. */
  void recordEnded(Exchange exchange, TrafficStats load, long latency) {
    if (counts(exchange)) {
      total.record(latency, exchange.code(), exchange.flags(), null);
      load.record(latency, exchange.code(), exchange.flags(), exchange.clusterName());
    }
  }

  TrafficStats total() {
    return total;
  }
}
