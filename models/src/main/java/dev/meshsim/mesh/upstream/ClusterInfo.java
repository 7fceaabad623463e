package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.ClusterStats.Stat;

/**
 * What every host and pool of one cluster version shares (Envoy's {@code ClusterInfo}, {@code
 * source/common/upstream/upstream_impl.cc}): its name and settings, its resource manager (the
 * circuit breaker) and its stats. Immutable settings; the breaker and stats are live.
 */
public final class ClusterInfo {
  /** Where a cluster reports its Envoy stats and ejections. */
  public interface StatsSink {
    /** The stats of cluster {@code name}, shared by every sidecar that has it. */
    ClusterStats stats(String cluster);

    /** Whether events now count (the warmup is over). */
    boolean counting();

    void outlier(String cluster, Endpoint host, boolean ejected, boolean enforced);

    /**
     * This sidecar's own stats of {@code cluster}, counted from the proxy's start as Envoy's
     * counters are, or null when nobody will read them (only an inspected run keeps them).
     */
    default ClusterStats proxyStats(String cluster) {
      return null;
    }
  }

  private final String name;
  private final ClusterSettings settings;
  private final Simulation sim;
  private final CircuitBreaker breaker;
  private final StatsSink sink;
  private final ClusterStats stats;
  /** This sidecar's own counters, or null (kept only when a run is inspected). */
  private final ClusterStats own;

  public ClusterInfo(String name, ClusterSettings settings, Simulation sim, StatsSink sink) {
    this.name = name;
    this.settings = settings;
    this.sim = sim;
    this.breaker = new CircuitBreaker(settings.thresholds());
    this.sink = sink;
    this.stats = sink.stats(name);
    this.own = sink.proxyStats(name);
  }

  public String name() {
    return name;
  }

  public ClusterSettings settings() {
    return settings;
  }

  public Simulation sim() {
    return sim;
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  /** Counts one Envoy stat of this cluster (from the warmup on). */
  public void count(Stat stat) {
    if (sink.counting()) {
      stats.increment(stat);
    }
    if (own != null) {
      own.increment(stat);
    }
  }

  /** Counts one upstream response code ({@code upstream_rq_<code>}). */
  public void countCode(int code) {
    if (sink.counting()) {
      stats.countCode(code);
    }
    if (own != null) {
      own.countCode(code);
    }
  }

  /** An ejection, un-ejection or refused ejection of {@code host}. */
  void outlier(Endpoint host, boolean ejected, boolean enforced) {
    sink.outlier(name, host, ejected, enforced);
  }
}
