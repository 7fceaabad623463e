package dev.meshsim.inspect.snapshot;

import java.util.List;
import java.util.SortedMap;

/**
 * What every proxy held at one simulated instant, and istiod's version then. Immutable data, the
 * content of one snapshot file.
 *
 * @param origin which run the snapshot belongs to
 * @param atNanos the simulated instant
 * @param istioVersion the simulated Istio release (istioctl's VERSION column)
 * @param istiodVersion istiod's newest push version
 * @param proxies every connected proxy, sorted by name as istioctl sorts them
 */
public record Snapshot(Origin origin, long atNanos, String istioVersion, long istiodVersion, List<Proxy> proxies) {

  public Snapshot {
    proxies = List.copyOf(proxies);
  }

  /** The run a snapshot comes from; {@code inspect} refuses a directory of another run or version. */
  public record Origin(String format, String meshsimVersion, String scenario, long seed) {}

  /**
   * One proxy.
   *
   * @param name {@code pod.namespace}, as istioctl names a proxy
   * @param ip the pod's IP
   * @param pod the pod's name
   * @param xds per type (CDS, LDS, EDS, RDS), the version applied and the one istiod last sent
   * @param listening whether LDS is applied (the listeners exist)
   * @param clusters the active clusters (CDS applied and warm), by name
   * @param warming clusters CDS added that wait for EDS
   * @param routes the virtual hosts of the RDS update in force, sorted by name
   * @param stats Envoy stats by Envoy stat name, sorted
   * @param tcpListeners the outbound {@code tcp_proxy} filter chains (TCP and TLS ports), sorted by
   *     port and host
   */
  public record Proxy(String name, String pod, String namespace, String ip, List<TypeSync> xds, boolean listening,
      List<ClusterState> clusters, List<String> warming, List<VirtualHostState> routes,
      SortedMap<String, Long> stats, List<TcpListenerState> tcpListeners, InboundTls inbound) {

    public Proxy {
      xds = List.copyOf(xds);
      clusters = List.copyOf(clusters);
      warming = List.copyOf(warming);
      routes = List.copyOf(routes);
      tcpListeners = tcpListeners == null ? List.of() : List.copyOf(tcpListeners);
    }

    /** A proxy without TCP filter chains. */
    public Proxy(String name, String pod, String namespace, String ip, List<TypeSync> xds, boolean listening,
        List<ClusterState> clusters, List<String> warming, List<VirtualHostState> routes,
        SortedMap<String, Long> stats) {
      this(name, pod, namespace, ip, xds, listening, clusters, warming, routes, stats, List.of(), null);
    }

    /** The sync state of {@code type} ("CDS", "LDS", "EDS", "RDS"). */
    public TypeSync sync(String type) {
      return xds.stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow();
    }
  }

  /** One xDS type: -1 for never applied / never sent. */
  public record TypeSync(String type, long applied, long sent) {}

  /**
   * One Envoy cluster as the proxy holds it.
   *
   * @param destinationRule {@code name.namespace} of the DestinationRule istiod's store applies to it
   *     now, or null
   * @param maxConnections circuit-breaker thresholds (priority DEFAULT), as istiod sends them
   * @param outlier outlier detection, or null when the DestinationRule has none
   * @param panicThresholdPercent {@code common_lb_config.healthy_panic_threshold}
   * @param tls the transport socket: {@code AUTO} (auto mTLS's transport socket matches), {@code
   *     DISABLE}, {@code SIMPLE}, {@code MUTUAL} or {@code ISTIO_MUTUAL}; null in snapshots written
   *     before it was recorded
   */
  public record ClusterState(String name, String destinationRule, String lbPolicy, long connectTimeoutNanos,
      long maxConnections, long maxPendingRequests, long maxRequests, long maxRetries,
      int maxRequestsPerConnection, long idleTimeoutNanos, Outlier outlier, double panicThresholdPercent,
      long cxActive, long rqPendingActive, long rqActive, long retriesActive, List<HostState> hosts, String tls) {

    public ClusterState {
      hosts = List.copyOf(hosts);
    }
  }

  /**
   * What the proxy's inbound listener accepts, from its PeerAuthentication: the workload's mode and
   * the ports with their own ({@code STRICT}, {@code PERMISSIVE}, {@code DISABLE}). Null in
   * snapshots written before it was recorded.
   */
  public record InboundTls(String mode, SortedMap<Integer, String> ports) {}

  /** Envoy's {@code outlier_detection} as istiod generates it. */
  public record Outlier(int consecutive5xx, int consecutiveGatewayFailure, long intervalNanos,
      long baseEjectionTimeNanos, long maxEjectionTimeNanos, int maxEjectionPercent) {}

  /**
   * One host of a cluster.
   *
   * @param address {@code ip:port}
   * @param pod the pod behind it
   * @param priority its EDS priority
   * @param failedOutlierCheck whether outlier detection ejected it
   * @param rqTotal this proxy's requests sent to it ({@code rq_total}); {@code rqSuccess}, {@code
   *     rqError}, {@code rqTimeout} as Envoy's per-host counters
   * @param cxTotal the connections this proxy opened to it ({@code cx_total}); {@code cxConnectFail}
   *     those that closed while connecting ({@code cx_connect_fail})
   */
  public record HostState(String address, String pod, int priority, boolean failedOutlierCheck, long cxActive,
      long rqActive, long rqTotal, long rqSuccess, long rqError, long rqTimeout, long cxTotal, long cxConnectFail) {}

  /**
   * One virtual host of the outbound route table of a port.
   *
   * @param routeConfig the route table's name, the port ({@code 9080})
   * @param name {@code fqdn:port}
   * @param domains the domains Istio generates for it
   * @param virtualService {@code name.namespace} of the VirtualService behind it, or null for Istio's
   *     default route
   */
  public record VirtualHostState(String routeConfig, String name, List<String> domains, String virtualService,
      List<RouteState> routes) {

    public VirtualHostState {
      domains = List.copyOf(domains);
      routes = List.copyOf(routes);
    }
  }

  /**
   * One route.
   *
   * @param match the path match as istioctl prints it ({@code /*} for any)
   * @param timeoutNanos 0 disables the route timeout
   * @param retriableStatusCodes the retry policy's {@code retriable_status_codes}, sorted
   * @param previousHosts whether retries avoid the hosts already tried ({@code previous_hosts})
   * @param hostSelectionMaxAttempts {@code host_selection_retry_max_attempts}
   */
  public record RouteState(String name, String match, List<WeightedClusterState> clusters, long timeoutNanos,
      int numRetries, String retryOn, long perTryTimeoutNanos, List<Integer> retriableStatusCodes,
      boolean previousHosts, int hostSelectionMaxAttempts) {

    public RouteState {
      clusters = List.copyOf(clusters);
      retriableStatusCodes = List.copyOf(retriableStatusCodes);
    }
  }

  public record WeightedClusterState(String name, int weight) {}

  /**
   * One outbound {@code tcp_proxy} filter chain: a TCP or TLS port of a host.
   *
   * @param port the port
   * @param host the host it serves (meshsim has no cluster IPs: Envoy matches the Service's address)
   * @param clusters its cluster, or its weighted clusters, drawn per connection
   */
  public record TcpListenerState(String port, String host, List<WeightedClusterState> clusters) {

    public TcpListenerState {
      clusters = List.copyOf(clusters);
    }
  }
}
