package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.mesh.routing.RequestAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One client sidecar's live state for one Envoy cluster: a priority set of {@link Host}s, the
 * per-worker load balancers, and the outlier detector; the circuit breaker and stats are in its
 * {@link ClusterInfo}. An endpoint (EDS) update changes the host set in place, as Envoy's {@code
 * ClusterManagerImpl} and {@code BaseDynamicClusterImpl::updateDynamicHostList} do ({@code
 * source/common/upstream/cluster_manager_impl.cc}, {@code upstream_impl.cc}): new endpoints become
 * new hosts, removed ones drain their pools ({@code drainOrCloseConnPools}), kept ones are the
 * same objects with their pools, gauge and outlier state. A cluster (CDS) change is a new cluster.
 */
public final class Cluster {
  private final ClusterInfo info;
  private final Connector connector;
  private final int workers;
  /** Set once by {@link #create}, right after construction; null without outlier detection. */
  private OutlierDetector outlier;
  /** Set once by {@link #create} for an ORIGINAL_DST cluster ({@code CLUSTER_PROVIDED}); else null. */
  private OriginalDstLoadBalancer originalDst;
  /** Per priority, per worker. */
  private final LoadBalancer[][] balancers;
  /** Draws the priority of a request (null with a single priority, which needs no draw). */
  private final RandomStream priorityRandom;
  private final boolean hashing;
  private ClusterConfig config;
  private List<Host> hosts = List.of();
  private PrioritySet priorities;

  /**
   * A new cluster (first use, or a CDS change). Its random streams are named by {@code
   * streamPrefix}: {@code /priority}, and per priority p > 0 and worker w {@code /p<p>/w<w>}
   * (priority 0 keeps the names of a cluster without priorities: {@code /w<w>}). Its outlier
   * detector's interval timer starts now.
   */
  public static Cluster create(ClusterConfig config, int workers, ClusterInfo.StatsSink stats,
      dev.meshsim.engine.Simulation sim, RandomStreams streams, String streamPrefix, Connector connector) {
    Cluster c = new Cluster(config, workers, stats, sim, streams, streamPrefix, connector);
    OutlierSettings od = config.settings().outlier();
    if (od != null) {
      c.outlier = new OutlierDetector(od, sim, c::onEjection);
      c.outlier.start();
    }
    if (config.settings().lbPolicy() == LbPolicy.CLUSTER_PROVIDED) {
      c.originalDst = new OriginalDstLoadBalancer(c, sim);
      c.originalDst.start();
    }
    c.setHosts(config);
    return c;
  }

  private Cluster(ClusterConfig config, int workers, ClusterInfo.StatsSink stats, dev.meshsim.engine.Simulation sim,
      RandomStreams streams, String streamPrefix, Connector connector) {
    ClusterSettings settings = config.settings();
    this.info = new ClusterInfo(config.name(), settings, sim, stats);
    this.connector = connector;
    this.workers = workers;
    int levels = config.priorityCount();
    this.hashing = settings.lbPolicy() == LbPolicy.RING_HASH || settings.lbPolicy() == LbPolicy.MAGLEV;
    this.priorityRandom = levels == 1 ? null : streams.stream(streamPrefix + "/priority");
    this.balancers = new LoadBalancer[levels][];
    for (int p = 0; p < levels; p++) {
      String prefix = p == 0 ? streamPrefix : streamPrefix + "/p" + p;
      balancers[p] = LoadBalancer.forWorkers(settings, workers, w -> streams.stream(prefix + "/w" + w));
    }
    this.config = config;
  }

  /**
   * Whether {@code next} is only an endpoint update of this cluster (the same settings and number
   * of priorities), which {@link #updateHosts} applies in place; otherwise it is a new cluster.
   */
  public boolean acceptsUpdate(ClusterConfig next) {
    return next.settings().equals(config.settings()) && next.priorityCount() == balancers.length;
  }

  /** Applies an endpoint update in place: hosts added, removed (draining) or kept untouched. */
  public void updateHosts(ClusterConfig next) {
    if (!acceptsUpdate(next)) {
      throw new IllegalArgumentException("not an endpoint update of " + name() + ": a new cluster");
    }
    if (originalDst != null) {
      this.config = next; // no EDS: the hosts are the destinations requests brought
      return;
    }
    setHosts(next);
  }

  private void setHosts(ClusterConfig next) {
    Map<Endpoint, Host> previous = new HashMap<>();
    hosts.forEach(h -> previous.put(h.endpoint(), h));
    List<Host> current = new ArrayList<>(next.endpoints().size());
    for (Endpoint e : next.endpoints()) {
      Host kept = previous.remove(e);
      current.add(kept != null ? kept : newHost(e));
    }
    List<Host> removed = new ArrayList<>();
    for (Host h : hosts) {
      if (previous.containsKey(h.endpoint())) {
        removed.add(h);
      }
    }
    this.config = next;
    install(current, next.priorities(), balancers.length, removed);
  }

  /** Makes {@code current} the hosts (with their priorities), tells outlier detection, drains {@code removed}. */
  private void install(List<Host> current, List<Integer> priorityOfEach, int priorityCount, List<Host> removed) {
    this.hosts = List.copyOf(current);
    this.priorities = new PrioritySet(hosts, priorityOfEach, priorityCount, config.settings().panicThresholdPercent());
    if (outlier != null) {
      outlier.hostsChanged(hosts, removed);
    }
    removed.forEach(Host::drainOrCloseConnPools);
  }

  /**
   * The hosts of an ORIGINAL_DST cluster changed ({@link OriginalDstLoadBalancer}): one priority,
   * as Envoy's {@code addHost} and {@code cleanup} update host set 0; removed hosts drain.
   */
  void originalDstHostsChanged(List<Host> current, List<Host> removed) {
    install(current, java.util.Collections.nCopies(current.size(), 0), 1, removed);
  }

  Host newHost(Endpoint e) {
    OutlierMonitor monitor = outlier == null ? OutlierMonitor.none() : outlier.newMonitor();
    Host host = new Host(e, connector.link(e), info, monitor, workers);
    monitor.bind(host);
    return host;
  }

  /** The cluster was replaced by a new one (a CDS change): its outlier timer stops, every pool drains. */
  public void retire() {
    if (outlier != null) {
      outlier.stop();
    }
    if (originalDst != null) {
      originalDst.stop();
    }
    hosts.forEach(Host::drainOrCloseConnPools);
  }

  private void onEjection(Host host, boolean ejected, boolean enforced) {
    if (enforced) {
      priorities.markStale();
    }
    info.outlier(host.endpoint(), ejected, enforced);
  }

  public String name() {
    return info.name();
  }

  /** The config this cluster state was last updated to. */
  public ClusterConfig config() {
    return config;
  }

  public ClusterInfo info() {
    return info;
  }

  public CircuitBreaker breaker() {
    return info.breaker();
  }

  /** The hosts now, in EDS order. */
  public List<Host> hosts() {
    return hosts;
  }

  /** The outlier detector, or null when the cluster has none. */
  public OutlierDetector outlierDetector() {
    return outlier;
  }

  /**
   * Picks a host for worker {@code worker}, or null when none is healthy ({@code 503 UH}). First a
   * priority, by Envoy's per-priority load ({@link PriorityLoad}; the request's hash picks it for a
   * hashing balancer, as in {@code ThreadAwareLoadBalancerBase}), then a host among that priority's
   * candidates: the healthy (not ejected) hosts, or all of them when the priority is in panic. A
   * pick the context rejects is drawn again up to {@code hostSelectionRetryCount()} times, then kept
   * ({@code LoadBalancerBase::chooseHost}, {@code source/common/upstream/load_balancer_impl.cc}); a
   * re-draw passes its attempt number, which moves a hashing balancer off the key's host, and each
   * re-draw of the other balancers chooses its priority again.
   */
  public Host chooseHost(int worker, LoadBalancerContext context) {
    if (originalDst != null) {
      return originalDst.chooseHost(context.originalDestination()); // ORIGINAL_DST: no balancing
    }
    priorities.refresh();
    long hash = context.computeHashKey();
    int priority = choosePriority(hash);
    Host host = pickIn(priority, worker, hash, 0);
    int retries = context.hostSelectionRetryCount();
    for (int i = 1; i <= retries && host != null && context.shouldSelectAnotherHost(host); i++) {
      if (!hashing) {
        priority = choosePriority(hash);
      }
      host = pickIn(priority, worker, hash, i);
    }
    return host;
  }

  /** A host of {@code priority}'s candidates, or null if it has none. */
  private Host pickIn(int priority, int worker, long hash, int attempt) {
    int count = priorities.count(priority);
    if (count == 0) {
      return null;
    }
    return balancers[priority][worker].choose(priorities.candidates(priority), count, hash, attempt);
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

  /** Percent of requests priority {@code p} gets now (for tests). */
  int priorityLoad(int p) {
    priorities.refresh();
    return priorities.load(p);
  }
}
