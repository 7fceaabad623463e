package dev.meshsim.mesh.upstream;

/**
 * One upstream host of one cluster, as long as it stays in the cluster (Envoy's {@code HostImpl},
 * {@code source/common/upstream/upstream_impl.cc}): its endpoint, the link to it, its active-request
 * gauge ({@code rq_active}, which LEAST_REQUEST reads), its outlier monitor, and the per-worker
 * connection pools keyed by it (Envoy's {@code ClusterManagerImpl::ThreadLocalClusterManagerImpl}
 * keeps a pool map per host per worker). An endpoint update keeps the Host object of every endpoint
 * that stays, so all of this carries over without being copied.
 */
public final class Host {
  private final Endpoint endpoint;
  private final HostLink link;
  private final ClusterInfo cluster;
  private final OutlierMonitor outlier;
  private final ConnPool[] pools;
  private int activeRequests;

  Host(Endpoint endpoint, HostLink link, ClusterInfo cluster, OutlierMonitor outlier, int workers) {
    this.endpoint = endpoint;
    this.link = link;
    this.cluster = cluster;
    this.outlier = outlier;
    this.pools = new ConnPool[workers];
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** {@code ip:port}. */
  public String address() {
    return endpoint.address();
  }

  /** The link to this host, as the cluster's {@link Connector} resolved it when the host joined. */
  public HostLink link() {
    return link;
  }

  /** Whether the host closes a connection at its first request ({@link HostLink#closesOnRequest}). */
  public boolean closesOnRequest() {
    return link.closesOnRequest();
  }

  public ClusterInfo cluster() {
    return cluster;
  }

  /** The host's outlier monitor: where the router reports each attempt's result. */
  public OutlierMonitor outlier() {
    return outlier;
  }

  /** Whether outlier detection has the host ejected. */
  public boolean ejected() {
    return outlier.ejected();
  }

  /** Requests attached to a connection to this host now, over all workers ({@code rq_active}). */
  public int activeRequests() {
    return activeRequests;
  }

  /** Connections to this host in any state, over all workers ({@code cx_active}); read-only. */
  public int connections() {
    int n = 0;
    for (ConnPool pool : pools) {
      n += pool == null ? 0 : pool.connections();
    }
    return n;
  }

  void requestStarted() {
    activeRequests++;
  }

  void requestEnded() {
    activeRequests--;
  }

  /** Worker {@code worker}'s connection pool to this host, created on first use. */
  public ConnPool pool(int worker) {
    ConnPool pool = pools[worker];
    if (pool == null) {
      pool = new ConnPool(this);
      pools[worker] = pool;
    }
    return pool;
  }

  /**
   * The host left the cluster (or its cluster was replaced): every pool drains, idle connections
   * close now and busy ones when their stream ends (Envoy's {@code drainOrCloseConnPools}).
   */
  void drainOrCloseConnPools() {
    for (ConnPool pool : pools) {
      if (pool != null) {
        pool.drain();
      }
    }
  }

  @Override
  public String toString() {
    return cluster.name() + "/" + endpoint.address();
  }
}
