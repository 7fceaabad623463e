package dev.meshsim.mesh.upstream;

import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.ClusterStats.Stat;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStream;
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
    /** The stats of cluster {@code name}, shared by every sidecar that has it. */
    ClusterStats stats(String cluster);

    /** Whether events now count (the warmup is over). */
    boolean counting();

    void outlier(String cluster, Endpoint host, boolean ejected, boolean enforced);
  }

  private final ClusterConfig config;
  private final Simulation sim;
  private final Connector connector;
  private final StatsSink stats;
  private final ClusterStats clusterStats;
  private final CircuitBreaker breaker;
  private final OutlierDetector outlier;
  /** Per priority, per worker. */
  private final LoadBalancer[][] balancers;
  private final ConnPool[][] pools;
  private final int[] activeRequests;
  private final PrioritySet priorities;
  /** Draws the priority of a request (null with a single priority, which needs no draw). */
  private final RandomStream priorityRandom;
  private final boolean hashing;

  public Cluster(ClusterConfig config, int workers, Simulation sim, RandomStreams streams,
      String streamPrefix, Connector connector, StatsSink stats) {
    this(config, workers, sim, streams, streamPrefix, connector, stats, null);
  }

  /**
   * A new version of the cluster, replacing {@code previous} (or null). When only the endpoints
   * changed (an EDS update: same settings), Envoy keeps the cluster and updates its host set, so the
   * circuit breaker, the load balancers, and each remaining host's connection pools, active-request
   * gauge and outlier state carry over; pools of removed hosts drain. Otherwise (a CDS change) the
   * cluster is new and the previous one drains.
   */
  public Cluster(ClusterConfig config, int workers, Simulation sim, RandomStreams streams,
      String streamPrefix, Connector connector, StatsSink stats, Cluster previous) {
    this.config = config;
    this.sim = sim;
    this.connector = connector;
    this.stats = stats;
    this.clusterStats = stats.stats(config.name());
    int hosts = config.endpoints().size();
    ClusterSettings settings = config.settings();
    int levels = config.priorityCount();
    boolean edsUpdate = previous != null && previous.config.settings().equals(settings)
        && previous.pools.length == workers && previous.balancers.length == levels;
    int[] previousIndex = edsUpdate ? previousIndexOf(previous) : null;
    this.breaker = edsUpdate ? previous.breaker : new CircuitBreaker(settings.thresholds());
    this.activeRequests = new int[hosts];
    this.pools = new ConnPool[workers][hosts];
    this.priorities = new PrioritySet(config.priorities(), levels, settings.panicThresholdPercent());
    this.hashing = settings.lbPolicy() == LbPolicy.RING_HASH || settings.lbPolicy() == LbPolicy.MAGLEV;
    if (edsUpdate) {
      this.priorityRandom = previous.priorityRandom;
      this.balancers = previous.balancers;
      adoptHosts(previous, previousIndex);
    } else {
      this.priorityRandom = levels == 1 ? null : streams.stream(streamPrefix + "/priority");
      this.balancers = new LoadBalancer[levels][];
      for (int p = 0; p < levels; p++) {
        // Priority 0 keeps the stream names of a cluster without priorities.
        String prefix = p == 0 ? streamPrefix : streamPrefix + "/p" + p;
        balancers[p] = LoadBalancer.forWorkers(config, workers, w -> streams.stream(prefix + "/w" + w));
      }
    }
    this.outlier = outlierDetector(settings.outlier(), hosts, previous, previousIndex);
    if (previous != null) {
      previous.retire(previousIndex);
    }
  }

  private OutlierDetector outlierDetector(OutlierSettings od, int hosts, Cluster previous, int[] previousIndex) {
    if (od == null) {
      return null;
    }
    OutlierDetector.Listener listener = (host, ejected, enforced) -> {
      if (enforced) {
        priorities.markStale();
      }
      stats.outlier(name(), endpoint(host), ejected, enforced);
    };
    if (previousIndex != null && previous.outlier != null) {
      return new OutlierDetector(previous.outlier, previousIndex, listener);
    }
    return new OutlierDetector(od, hosts, sim, listener);
  }

  /** For each host of this version, its index in {@code previous}, or -1 if it is new. */
  private int[] previousIndexOf(Cluster previous) {
    java.util.Map<Endpoint, Integer> old = new java.util.HashMap<>();
    for (int o = 0; o < previous.config.endpoints().size(); o++) {
      old.put(previous.endpoint(o), o);
    }
    int[] index = new int[config.endpoints().size()];
    for (int h = 0; h < index.length; h++) {
      index[h] = old.getOrDefault(endpoint(h), -1);
    }
    return index;
  }

  /** Takes over the pools and active-request gauges of the hosts that remain. */
  private void adoptHosts(Cluster previous, int[] previousIndex) {
    for (int h = 0; h < previousIndex.length; h++) {
      int o = previousIndex[h];
      if (o < 0) {
        continue;
      }
      activeRequests[h] = previous.activeRequests[o];
      for (int w = 0; w < pools.length; w++) {
        ConnPool pool = previous.pools[w][o];
        previous.pools[w][o] = null;
        if (pool != null) {
          pool.rebind(this, h);
          pools[w][h] = pool;
        }
      }
    }
  }

  /**
   * This version was replaced: its outlier timer stops (an adopted detector already stopped it),
   * and the pools it still owns (hosts that left, or all of them after a CDS change) drain.
   */
  private void retire(int[] adoptedIndex) {
    if (outlier != null) {
      outlier.stop();
    }
    for (ConnPool[] workerPools : pools) {
      for (ConnPool pool : workerPools) {
        if (pool != null) {
          pool.drain();
        }
      }
    }
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
   * Picks a host for worker {@code worker}, or -1 when none is healthy ({@code 503 UH}). First a
   * priority, by Envoy's per-priority load ({@link PriorityLoad}; the request's hash picks it for a
   * hashing balancer, as in {@code ThreadAwareLoadBalancerBase}), then a host among that priority's
   * candidates: the healthy (not ejected) hosts, or all of them when the priority is in panic.
   * {@code hash} is the request's hash for consistent-hash balancers ({@link LoadBalancer#NO_HASH}).
   * {@code reject} is the retry host predicate: a rejected pick is re-drawn up to {@code attempts}
   * times, then kept (Envoy's {@code host_selection_retry_max_attempts}; a re-draw passes its attempt
   * number, which moves a hashing balancer off the key's host). As in Envoy's {@code
   * LoadBalancerBase::chooseHost}, each re-draw of the other balancers chooses its priority again.
   */
  public int pickHost(int worker, long hash, IntPredicate reject, int attempts) {
    priorities.refresh(outlier);
    int priority = choosePriority(hash);
    int host = pickIn(priority, worker, hash, 0);
    for (int i = 1; i < attempts && host >= 0 && reject.test(host); i++) {
      if (!hashing) {
        priority = choosePriority(hash);
      }
      host = pickIn(priority, worker, hash, i);
    }
    return host;
  }

  /** A host of {@code priority}'s candidates, or -1 if it has none. */
  private int pickIn(int priority, int worker, long hash, int attempt) {
    int count = priorities.count(priority);
    if (count == 0) {
      return -1;
    }
    return balancers[priority][worker].choose(priorities.candidates(priority), count, activeRequests, hash, attempt);
  }

  /**
   * Envoy's {@code choosePriority(hash % 100 + 1)}: the hash is the request's for a hashing
   * balancer, a random draw otherwise. A single priority needs no draw.
   */
  private int choosePriority(long hash) {
    if (priorityRandom == null) {
      return 0;
    }
    long h = hashing && hash != LoadBalancer.NO_HASH ? hash : priorityRandom.nextLong();
    return priorities.choose((int) Long.remainderUnsigned(h, 100) + 1);
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

  /** Counts one Envoy stat of this cluster (from the warmup on). */
  public void count(Stat stat) {
    if (stats.counting()) {
      clusterStats.increment(stat);
    }
  }

  /** Counts one upstream response code ({@code upstream_rq_<code>}). */
  public void countCode(int code) {
    if (stats.counting()) {
      clusterStats.countCode(code);
    }
  }

  Connector.Outcome connect(int host) {
    return connector.connect(endpoint(host));
  }

  boolean peerAlive(int host) {
    return connector.isAlive(endpoint(host));
  }
}
