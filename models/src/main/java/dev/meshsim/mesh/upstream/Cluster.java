package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.mesh.routing.RequestAttributes;
import java.util.function.IntPredicate;

/**
 * One client sidecar's live state for one Envoy cluster: per-worker load balancers and connection
 * pools per (worker, host), the cluster's circuit breaker, its outlier detector, and the per-host
 * active-request gauge ({@code rq_active}) that LEAST_REQUEST reads.
 */
public final class Cluster {
  /** Where a cluster reports its Envoy stats and ejections. */
  public interface StatsSink {
    void count(String cluster, String stat);

    void outlier(String cluster, Endpoint host, boolean ejected, boolean enforced);
  }

  private final ClusterConfig config;
  private final Simulation sim;
  private final Connector connector;
  private final StatsSink stats;
  private final CircuitBreaker breaker;
  private final OutlierDetector outlier;
  private final LoadBalancer[] balancers;
  private final ConnPool[][] pools;
  private final int[] activeRequests;
  private final int[] candidates;

  public Cluster(ClusterConfig config, int workers, Simulation sim, RandomStreams streams,
      String streamPrefix, Connector connector, StatsSink stats) {
    this.config = config;
    this.sim = sim;
    this.connector = connector;
    this.stats = stats;
    int hosts = config.endpoints().size();
    this.breaker = new CircuitBreaker(config.settings().thresholds());
    this.activeRequests = new int[hosts];
    this.candidates = new int[hosts];
    this.pools = new ConnPool[workers][hosts];
    this.balancers = LoadBalancer.forWorkers(config, workers, w -> streams.stream(streamPrefix + "/w" + w));
    OutlierSettings od = config.settings().outlier();
    this.outlier = od == null ? null : new OutlierDetector(od, hosts, sim,
        (host, ejected, enforced) -> stats.outlier(name(), endpoint(host), ejected, enforced));
  }

  public String name() {
    return config.name();
  }

  public ClusterConfig config() {
    return config;
  }

  Simulation sim() {
    return sim;
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  /** The outlier detector, or null when the cluster has none. */
  public OutlierDetector outlierDetector() {
    return outlier;
  }

  public Endpoint endpoint(int host) {
    return config.endpoints().get(host);
  }

  /**
   * Picks a host for worker {@code worker}, or -1 when none is healthy ({@code 503 UH}). Healthy
   * means not ejected; below the panic threshold every host is a candidate (Envoy's panic mode).
   * {@code hash} is the request's hash for consistent-hash balancers ({@link LoadBalancer#NO_HASH}).
   * {@code reject} is the retry host predicate: a rejected pick is re-drawn up to {@code attempts}
   * times, then kept (Envoy's {@code host_selection_retry_max_attempts}; a re-draw passes its attempt
   * number, which moves a hashing balancer off the key's host).
   */
  public int pickHost(int worker, long hash, IntPredicate reject, int attempts) {
    int count = healthyCandidates();
    if (count == 0) {
      return -1;
    }
    int host = balancers[worker].choose(candidates, count, activeRequests, hash);
    for (int i = 1; i < attempts && reject.test(host); i++) {
      host = balancers[worker].choose(candidates, count, activeRequests, hash, i);
    }
    return host;
  }

  /**
   * A request's hash under the cluster's hash policy ({@code consistentHash}), or {@link
   * LoadBalancer#NO_HASH} when there is none or the request lacks the key.
   *
   * @param sourceIp the client pod's IP
   */
  public long requestHash(RequestAttributes request, String sourceIp) {
    HashPolicy policy = config.settings().hashPolicy();
    return policy == null ? LoadBalancer.NO_HASH : policy.hash(request, sourceIp);
  }

  private int healthyCandidates() {
    int hosts = activeRequests.length;
    int healthy = 0;
    for (int h = 0; h < hosts; h++) {
      if (outlier == null || !outlier.isEjected(h)) {
        candidates[healthy++] = h;
      }
    }
    boolean panic = hosts > 0 && 100.0 * healthy < config.settings().panicThresholdPercent() * hosts;
    if (panic) {
      for (int h = 0; h < hosts; h++) {
        candidates[h] = h;
      }
      return hosts;
    }
    return healthy;
  }

  /** The connection pool of (worker, host), created on first use. */
  public ConnPool pool(int worker, int host) {
    ConnPool pool = pools[worker][host];
    if (pool == null) {
      pool = new ConnPool(this, host);
      pools[worker][host] = pool;
    }
    return pool;
  }

  /** A request on {@code host} became active (attached to a connection). */
  public void requestStarted(int host) {
    activeRequests[host]++;
  }

  public void requestEnded(int host) {
    activeRequests[host]--;
  }

  public int activeRequests(int host) {
    return activeRequests[host];
  }

  void count(String stat) {
    stats.count(name(), stat);
  }

  Connector.Outcome connect(int host) {
    return connector.connect(endpoint(host));
  }

  boolean peerAlive(int host) {
    return connector.isAlive(endpoint(host));
  }
}
