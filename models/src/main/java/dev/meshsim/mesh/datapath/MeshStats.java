package dev.meshsim.mesh.datapath;

import dev.meshsim.engine.Simulation;
import dev.meshsim.mesh.upstream.ClusterInfo;
import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.mesh.upstream.Host;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.ClusterStats.OutlierEvent;
import dev.meshsim.result.RequestListener;
import dev.meshsim.result.TraceStats;
import dev.meshsim.result.TrafficStats;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run records what it measures. Only requests that start at or after the warmup count.
 */
public final class MeshStats {
  private final long warmupNanos;
  private final Simulation sim;
  private final TrafficStats total = new TrafficStats();
  private final Map<String, ClusterStats> clusters = new TreeMap<>();
  /**
   * The same stats by name, for the per-request lookups: cluster names share long prefixes
   * ({@code outbound|8080||…}), so the sorted map's comparisons cost more than a hash lookup of a
   * name whose hash the String caches. The sorted map stays the one reports read.
   */
  private final Map<String, ClusterStats> byName = new java.util.HashMap<>();
  private final TimelineStats timeline;
  private RequestListener listener;
  private final TraceStats traces;
  private AccessLogRecorder accessLog;
  /** Per sidecar, its own cluster counters; null unless the run is inspected. */
  private Map<String, Map<String, ClusterStats>> perProxy;
  private HostCounters hostCounters;

  public MeshStats(long warmupNanos, Simulation sim, TimelineStats timeline) {
    this(warmupNanos, sim, timeline, false);
  }

  /** {@code tracksTraces}: count complete and broken traces (some app declares {@code propagate}). */
  public MeshStats(long warmupNanos, Simulation sim, TimelineStats timeline, boolean tracksTraces) {
    this.warmupNanos = warmupNanos;
    this.sim = sim;
    this.timeline = timeline;
    this.traces = tracksTraces ? new TraceStats() : null;
  }

  /** Trace counts, or null when the run does not keep them. */
  public TraceStats traces() {
    return traces;
  }

  /** An app got a request: its span is linked into its load's trace or not (keyed by service FQDN). */
  public void recordSpan(Exchange served) {
    if (traces != null && counts(served.trace())) {
      traces.countSpan(served.request().spec().host(), served.linked());
    }
  }

  /** A load's request ended: its trace was complete or broken. */
  public void recordTrace(String load, Exchange exchange) {
    if (traces != null && counts(exchange)) {
      traces.countTrace(load, exchange.traceBroken());
    }
  }

  /**
   * Where one sidecar's clusters report Envoy stats and outlier events; counted from the warmup on,
   * summed over sidecars per cluster name.
   */
  ClusterInfo.StatsSink sinkFor(String sidecar) {
    return new ClusterInfo.StatsSink() {
      @Override
      public ClusterStats stats(String cluster) {
        return clusterStats(cluster);
      }

      @Override
      public boolean counting() {
        return sim.now() >= warmupNanos;
      }

      @Override
      public ClusterStats proxyStats(String cluster) {
        return perProxy == null ? null
            : perProxy.computeIfAbsent(sidecar, s -> new TreeMap<>()).computeIfAbsent(cluster, c -> new ClusterStats());
      }

      @Override
      public void hostConnection(Host host, boolean connectFailed) {
        hostCounters.count(sidecar, host,
            connectFailed ? HostCounters.Stat.CX_CONNECT_FAIL : HostCounters.Stat.CX_TOTAL);
      }

      @Override
      public void outlier(String cluster, Endpoint host, boolean ejected, boolean enforced) {
        ClusterStats own = proxyStats(cluster);
        if (own != null) {
          own.increment(!enforced ? ClusterStats.Stat.EJECTIONS_OVERFLOW
              : ejected ? ClusterStats.Stat.EJECTIONS_ENFORCED_TOTAL : ClusterStats.Stat.UNEJECTIONS_TOTAL);
        }
        if (sim.now() < warmupNanos) {
          return;
        }
        ClusterStats stats = clusterStats(cluster);
        if (!enforced) {
          stats.increment(ClusterStats.Stat.EJECTIONS_OVERFLOW);
          return;
        }
        stats.increment(ejected ? ClusterStats.Stat.EJECTIONS_ENFORCED_TOTAL : ClusterStats.Stat.UNEJECTIONS_TOTAL);
        stats.addEvent(new OutlierEvent(sim.now(), sidecar, host.podName(), ejected));
      }
    };
  }

  private ClusterStats clusterStats(String cluster) {
    ClusterStats stats = byName.get(cluster);
    if (stats == null) {
      stats = clusters.computeIfAbsent(cluster, c -> new ClusterStats());
      byName.put(cluster, stats);
    }
    return stats;
  }

  /** Envoy stats per cluster name, sorted. */
  public Map<String, ClusterStats> clusters() {
    return clusters;
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

  /** A routed request's final response left its client sidecar: per-cluster codes and flags. */
  void countResponse(Exchange exchange) {
    if (exchange.clusterName() != null && counts(exchange)) {
      clusterStats(exchange.clusterName()).countResponse(exchange.code(), exchange.flags());
    }
  }

  /** A load generator's request ended; its cluster was already counted when routed. */
  public void recordEnded(Exchange exchange, TrafficStats load, long latency) {
    if (counts(exchange)) {
      total.record(latency, exchange.code(), exchange.flags(), null);
      load.record(latency, exchange.code(), exchange.flags(), exchange.clusterName());
      load.span(exchange.startNanos(), exchange.startNanos() + latency);
      timeline.record(exchange.startNanos(), latency, exchange.code(), exchange.flags(), exchange.clusterName());
      if (listener != null) {
        listener.finished(exchange.finished(exchange.startNanos() + latency));
      }
    }
  }

  /** {@code l} hears every counted load-generator request when it ends (reports' time series, logs). */
  public void listen(RequestListener l) {
    listener = l;
  }

  /**
   * From now on every sidecar also keeps its own counters, per cluster and per host, as Envoy's
   * admin shows them (call before the run; an inspected run does). Without it nothing is kept.
   */
  public void keepPerProxyCounters() {
    if (perProxy == null) {
      perProxy = new TreeMap<>();
      hostCounters = new HostCounters();
    }
  }

  /** {@code sidecar}'s own cluster counters by cluster name (empty unless kept). */
  public Map<String, ClusterStats> proxyClusters(String sidecar) {
    return perProxy == null ? Map.of() : perProxy.getOrDefault(sidecar, Map.of());
  }

  /** The per-host counters, or null when the run keeps none. */
  public HostCounters hostCounters() {
    return hostCounters;
  }

  /** Every sidecar's access-log entries go to {@code recorder} from now (call before the run). */
  public void logAccess(AccessLogRecorder recorder) {
    accessLog = recorder;
  }

  /** Where sidecars write their access-log entries, or null when the run keeps no access log. */
  AccessLogRecorder accessLog() {
    return accessLog;
  }

  public TrafficStats total() {
    return total;
  }
}
