package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.mesh.routing.FaultPolicy;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.mesh.upstream.Connector;
import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.mesh.xds.ProxyConfig;
import dev.meshsim.mesh.xds.XdsClient;
import java.util.HashMap;
import java.util.Map;

/**
 * A pod's Envoy, outbound side: the HTTP connection manager's route lookup, the fault filter, and
 * the router filter's cluster choice (envoy {@code source/common/router/router.cc}, {@code
 * decodeHeaders}); each request then runs as a {@link RouterRequest}. Local replies follow Envoy:
 * no route is {@code 404 NR}; a route whose cluster this proxy does not have is {@code 503 NC}
 * ({@code NR} before Envoy 1.18); a fault abort is its code with {@code FI}.
 *
 * <p>The proxy has {@code concurrency} worker threads (Istio's default 2); each downstream request
 * lands on one, and each worker keeps its own load balancers and connection pools.
 */
public final class Sidecar implements Connector {

  private final Pod pod;
  private final Mesh mesh;
  private final XdsClient xds;
  private final int workers;
  private final RandomStream routeRandom;
  private final RandomStream faultRandom;
  private final RandomStream workerRandom;
  private final RandomStream retryRandom;
  private final Map<String, Cluster> clusters = new HashMap<>();
  private final Cluster.StatsSink statsSink;
  /** Test probe: per retry limit ({@code num_retries}), the most retries one request made. */
  private final Map<Integer, Integer> maxRetriesByLimit = new java.util.TreeMap<>();

  Sidecar(Pod pod, Mesh mesh, ProxyConfig config) {
    this.pod = pod;
    this.mesh = mesh;
    this.xds = new XdsClient(config);
    this.workers = mesh.settings().sidecarConcurrency();
    String prefix = "pod/" + pod.name() + "/";
    this.routeRandom = mesh.streams().stream(prefix + "route");
    this.faultRandom = mesh.streams().stream(prefix + "fault");
    this.workerRandom = mesh.streams().stream(prefix + "worker");
    this.retryRandom = mesh.streams().stream(prefix + "retry-backoff");
    this.statsSink = mesh.stats().sinkFor(pod.name());
  }

  /** This proxy's xDS client: the config it has applied. */
  public XdsClient xds() {
    return xds;
  }

  Pod pod() {
    return pod;
  }

  Simulation sim() {
    return mesh.sim();
  }

  /** The HTTP connection manager got a request from the app: route, fault filter, router. */
  void route(Exchange exchange) {
    exchange.arrivedAtProxy(sim().now());
    var request = exchange.request().attributes();
    VirtualHost vhost = xds.routes().virtualHost(request);
    Route route = vhost == null ? null : vhost.match(request);
    if (route == null) {
      localReply(exchange, 404, ResponseFlag.NO_ROUTE_FOUND);
      return;
    }
    applyFault(exchange, route);
  }

  /**
   * Envoy's fault filter runs before the router: a delay first (flag DI; its time does not count
   * against the route timeout), then an abort (a local reply with FI that never reaches upstream).
   * Each fault is sampled independently per request.
   */
  private void applyFault(Exchange exchange, Route route) {
    FaultPolicy fault = route.fault();
    if (fault.isNone()) {
      forward(exchange, route);
      return;
    }
    boolean delay = fault.delayNanos() > 0 && sampled(fault.delayPercent());
    boolean abort = fault.abortCode() > 0 && sampled(fault.abortPercent());
    Runnable next = abort
        ? () -> localReply(exchange, fault.abortCode(), ResponseFlag.FAULT_INJECTED)
        : () -> forward(exchange, route);
    if (delay) {
      exchange.addFlag(ResponseFlag.DELAY_INJECTED);
      sim().schedule(fault.delayNanos(), next::run);
    } else {
      next.run();
    }
  }

  private boolean sampled(double percent) {
    return percent >= 100 || faultRandom.nextDouble() * 100 < percent;
  }

  private void forward(Exchange exchange, Route route) {
    WeightedCluster target = route.pickCluster(routeRandom);
    exchange.routedTo(target.clusterName(), route.name(), sim().now());
    mesh.stats().countRouted(exchange, target.clusterName());
    Cluster cluster = cluster(target.clusterName());
    if (cluster == null) {
      localReply(exchange, 503, mesh.profile().missingClusterFlag());
      return;
    }
    RetryState retry = new RetryState(route.retryPolicy(), cluster.breaker(), retryRandom);
    int worker = workers == 1 ? 0 : workerRandom.nextInt(workers);
    new RouterRequest(this, exchange, route, cluster, worker, retry).start();
  }

  /** A response Envoy made itself: it goes back through the encoder and iptables to the app. */
  private void localReply(Exchange exchange, int code, ResponseFlag flag) {
    exchange.addFlag(flag);
    respondLocally(exchange, code);
  }

  /** The final response of a request leaves this sidecar for the app. */
  void respondLocally(Exchange exchange, int code) {
    exchange.setCode(code);
    exchange.leftProxy(sim().now());
    mesh.stats().countResponse(exchange);
    sim().schedule(pod.receiveCost(), exchange::end);
  }

  /** A request that retried ended after {@code retries} retries under a limit of {@code limit}. */
  void recordRetries(int limit, int retries) {
    maxRetriesByLimit.merge(limit, retries, Math::max);
  }

  Map<Integer, Integer> maxRetriesByLimit() {
    return maxRetriesByLimit;
  }

  /** The circuit-breaker peaks of every cluster this proxy has used. */
  java.util.List<UpstreamPeaks> upstreamPeaks() {
    java.util.List<UpstreamPeaks> peaks = new java.util.ArrayList<>();
    for (Cluster c : clusters.values()) {
      var b = c.breaker();
      peaks.add(new UpstreamPeaks(pod.name(), c.name(), workers, c.config().endpoints().size(), b.limits(),
          b.peakConnections(), b.peakPendingRequests(), b.peakRequests(), b.peakRetries()));
    }
    return peaks;
  }

  /**
   * This proxy's state for a cluster it has, created on first use and renewed when xDS delivered a
   * new version of the cluster; null if the proxy has no such (warm) cluster.
   */
  private Cluster cluster(String name) {
    ClusterConfig cc = xds.cluster(name);
    if (cc == null) {
      return null;
    }
    Cluster cluster = clusters.get(name);
    if (cluster == null || cluster.config() != cc) {
      cluster = new Cluster(cc, workers, sim(), mesh.streams(), "pod/" + pod.name() + "/lb/" + name,
          this, statsSink, cluster);
      clusters.put(name, cluster);
    }
    return cluster;
  }

  // --- Connector: what connecting to a host looks like from this pod ---

  @Override
  public boolean isAlive(Endpoint endpoint) {
    return endpoint.pod().acceptsConnections();
  }

  /**
   * A TCP handshake and then mTLS's (TLS 1.3, one round trip each): two round trips. A pod that
   * is not accepting connections answers the SYN with a reset after one round trip.
   */
  @Override
  public Outcome connect(Endpoint endpoint) {
    Pod server = endpoint.pod();
    long roundTrip = pod.costs().network() + server.costs().network();
    if (!server.acceptsConnections()) {
      return new Outcome(false, roundTrip);
    }
    return new Outcome(true, 2 * roundTrip);
  }
}
