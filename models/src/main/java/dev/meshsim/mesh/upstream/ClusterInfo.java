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

    /**
     * This sidecar opened a connection to {@code host} ({@code cx_total}), or one failed to connect
     * ({@code cx_connect_fail}); asked only when {@link #proxyStats} keeps counters (an inspected run).
     */
    default void hostConnection(Host host, boolean connectFailed) {}
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

  /**
   * Envoy's per-host {@code cx_total} (a new connection to {@code host}, charged with {@code
   * upstream_cx_total} in {@code ConnPoolImplBase::ActiveClient}'s constructor) or {@code
   * cx_connect_fail} (the connection closed while still connecting, a connect timeout included:
   * {@code ConnPoolImplBase::onConnectionEvent}, envoy {@code source/common/conn_pool/conn_pool_base.cc}).
   * Kept only with this sidecar's own counters (an inspected run); otherwise one null check.
   */
  void countHostConnection(Host host, boolean connectFailed) {
    if (own != null) {
      sink.hostConnection(host, connectFailed);
    }
  }

  /** An ejection, un-ejection or refused ejection of {@code host}. */
  void outlier(Endpoint host, boolean ejected, boolean enforced) {
    sink.outlier(name, host, ejected, enforced);
  }
}
