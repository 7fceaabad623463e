package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.streaminfo.ResponseFlag;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.mesh.routing.FaultPolicy;
import dev.meshsim.mesh.routing.MirrorPolicy;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.routing.TcpProxyRoute;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.mesh.upstream.ClusterInfo;
import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.mesh.upstream.Host;
import dev.meshsim.mesh.xds.ProxyConfig;
import dev.meshsim.mesh.xds.XdsClient;
import java.util.HashMap;
import java.util.Map;

/**
 * A pod's Envoy, outbound side: the HTTP connection manager's route lookup, the fault filter, and
 * the router filter's cluster choice (envoy {@code source/common/router/router.cc}, {@code
 * decodeHeaders}); each request then runs as a {@link RouterRequest}. Local replies follow Envoy:
 * no route is {@code 404 NR}; a route whose cluster this proxy does not have is {@code 503 NC}
 * ({@code NR} before Envoy 1.18); a fault abort is its code with {@code FI}; a redirect or direct
 * response route is its code with no flag.
 *
 * <p>The proxy has {@code concurrency} worker threads (Istio's default 2); each downstream request
 * lands on one, and each worker keeps its own load balancers and connection pools.
 */
public final class Sidecar {
  /** Istio's {@code block_all} direct response status. */
  private static final int BLOCK_ALL_CODE = 502;

  private final Pod pod;
  private final ProxyEnvironment env;
  private final XdsClient xds;
  private final int workers;
  private final RandomStream routeRandom;
  private final RandomStream faultRandom;
  private final RandomStream workerRandom;
  private final RandomStream retryRandom;
  /** Drawn only for mirrors below 100%, so runs without mirrors draw exactly as before. */
  private final RandomStream mirrorRandom;
  /** The inbound route's retry backoff ({@link #inboundRetryRandom}). */
  private RandomStream inboundRetryRandom;
  /** Envoy's UUID request-id extension: the {@code x-request-id} of a request that has none. */
  private final RandomStream requestIds;
  /** Each request template's shadow ({@code -shadow} on the authority), made once. */
  private final Map<RequestTemplate, RequestTemplate> shadows = new java.util.IdentityHashMap<>();
  private final Map<String, Cluster> clusters = new HashMap<>();
  private final ClusterInfo.StatsSink statsSink;
  private final DataPathMetrics metrics;
  /** The leg to each endpoint this proxy connected to, resolved once per endpoint. */
  private final Map<Endpoint, NetworkLeg> legs = new HashMap<>();
  private final RequestRewriter rewriter = new RequestRewriter();
  /**
   * {@link #cluster}'s answers while xDS has not changed them ({@link XdsClient#clusterChanges}):
   * one lookup per routed request instead of the four of a fresh resolution (measured: 4% of a
   * bench-chain run's samples were in that resolution).
   */
  private final Map<String, Cluster> resolved = new HashMap<>();
  private long resolvedAt = -1;
  /** {@link #lookupRoute}'s answers for the route configuration {@link #routeLookupsOf}. */
  private final Map<RequestTemplate, RouteLookup> routeLookups = new java.util.IdentityHashMap<>();
  private RouteConfiguration routeLookupsOf;
  private TcpProxy tcpProxy;
  /** Each request template's original destination, resolved on first use ({@link #originalDestination}). */
  private final Map<RequestTemplate, Endpoint> originalDestinations = new java.util.IdentityHashMap<>();

  public Sidecar(Pod pod, ProxyEnvironment env, ProxyConfig config) {
    this.pod = pod;
    this.env = env;
    this.xds = new XdsClient(config);
    this.workers = env.workers();
    String prefix = "pod/" + pod.name() + "/";
    this.routeRandom = env.streams().stream(prefix + "route");
    this.faultRandom = env.streams().stream(prefix + "fault");
    this.workerRandom = env.streams().stream(prefix + "worker");
    this.retryRandom = env.streams().stream(prefix + "retry-backoff");
    this.mirrorRandom = env.streams().stream(prefix + "mirror");
    this.requestIds = env.streams().stream(prefix + "request-id");
    this.statsSink = env.stats().sinkFor(pod.name());
    this.metrics = env.metrics();
  }

  /** The profile's retries of a refused connect to the app ({@link InboundConnectRetry}); 0 before 1.24. */
  int inboundConnectRetries() {
    return env.inboundConnectRetries();
  }

  /**
   * The stream the inbound route's retry backoff draws from, one per proxy, made on the first
   * refused connect, so runs where no connect is refused draw exactly as before.
   */
  RandomStream inboundRetryRandom() {
    if (inboundRetryRandom == null) {
      inboundRetryRandom = env.streams().stream("pod/" + pod.name() + "/inbound-retry-backoff");
    }
    return inboundRetryRandom;
  }

  /** This proxy's xDS client: the config it has applied. */
  public XdsClient xds() {
    return xds;
  }

  Pod pod() {
    return pod;
  }

  /** Whether this proxy forwards inbound requests to its app at the pod IP (else at 127.0.0.1). */
  public boolean inboundToPodIp() {
    return env.inboundToPodIp();
  }

  Simulation sim() {
    return env.sim();
  }

  /** The HTTP connection manager got a request from the app: route, fault filter, router. */
  void route(Exchange exchange) {
    exchange.arrivedAtProxy(sim().now());
    if (!exchange.hasRequestId() && env.stats().accessLog() != null) {
      // The connection manager's generate_request_id. Only the access log reads the id, and the
      // stream is this one's alone, so a run without a log skips the draw and changes nothing else.
      exchange.setRequestId(requestIds.nextLong());
    }
    if (exchange.abandoned()) {
      countDownstreamReset(exchange);
      return;
    }
    RouteConfiguration routes = xds.routes();
    RouteLookup lookup = lookupRoute(routes, exchange.request());
    if (lookup.tcp() != null) {
      tcpProxy().onRequest(exchange, lookup.tcp()); // a TCP or TLS port: no HTTP routing at all
      return;
    }
    VirtualHost vhost = lookup.vhost();
    if (vhost == null && routes.blocksUnknownHosts()) {
      // REGISTRY_ONLY: Istio's block_all catch-all is a direct response 502, which sets no flag
      // (istio pilot/pkg/networking/core/httproute.go, buildCatchAllVirtualHost).
      respondLocally(exchange, BLOCK_ALL_CODE);
      return;
    }
    Route route = lookup.route();
    if (route == null) {
      localReply(exchange, 404, ResponseFlag.NO_ROUTE_FOUND);
      return;
    }
    applyFault(exchange, route);
  }

  /** The virtual host and the route (either may be null) a request template matches. */
  private record RouteLookup(VirtualHost vhost, Route route, TcpProxyRoute tcp) {}

  /**
   * The route lookup of {@code template} under {@code routes}, made once per template and route
   * configuration: matching reads only the template's attributes, which never change, and a run
   * sends a fixed set of templates. A map by identity here instead of the lookup and match on every
   * request because they were 4% of a bench-chain run's samples (the virtual host's key compared
   * as a string, then each route's match).
   */
  private RouteLookup lookupRoute(RouteConfiguration routes, RequestTemplate template) {
    if (routes != routeLookupsOf) {
      routeLookups.clear();
      routeLookupsOf = routes;
    }
    RouteLookup lookup = routeLookups.get(template);
    if (lookup == null) {
      var request = template.attributes();
      TcpProxyRoute tcp = routes.tcpProxy(request); // a tcp_proxy filter chain takes the port first
      VirtualHost vhost = tcp != null ? null : routes.virtualHost(request);
      lookup = new RouteLookup(vhost, vhost == null ? null : vhost.match(request), tcp);
      routeLookups.put(template, lookup);
    }
    return lookup;
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
    if (exchange.abandoned()) {
      countDownstreamReset(exchange); // the app gave up during the fault delay
      return;
    }
    if (route.directReplyCode() > 0) {
      respondLocally(exchange, route.directReplyCode()); // redirect or direct_response: no upstream, no flag
      return;
    }
    WeightedCluster target = route.pickCluster(routeRandom);
    RequestTemplate sent = rewriter.sent(exchange.request(), route, target);
    if (sent != exchange.request()) {
      exchange.rewrittenTo(sent);
    }
    exchange.routedTo(target.clusterName(), route.name(), sim().now());
    env.stats().countRouted(exchange, target.clusterName());
    Cluster cluster = cluster(target.clusterName());
    if (cluster == null) {
      localReply(exchange, route.clusterNotFoundCode(), env.missingClusterFlag());
      return;
    }
    RetryState retry = new RetryState(route.retryPolicy(), cluster.breaker(), retryRandom);
    int worker = workers == 1 ? 0 : workerRandom.nextInt(workers);
    new RouterRequest(this, exchange, route, cluster, worker, retry).start();
    if (!route.mirrors().isEmpty()) {
      shadow(exchange, route);
    }
  }

  /**
   * Envoy's {@code maybeDoShadowing}: once the request is complete (at once for one without a
   * body), each mirror that samples this request gets a copy with {@code -shadow} on the authority,
   * on its own router request (the route's timeout, no retries). Its answer is dropped: the client
   * never waits for it. A mirror cluster this proxy lacks is skipped, as Envoy skips it.
   */
  private void shadow(Exchange exchange, Route route) {
    for (MirrorPolicy mirror : route.mirrors()) {
      if (mirror.percent() < 100 && mirrorRandom.nextDouble() * 100 >= mirror.percent()) {
        continue;
      }
      Cluster cluster = cluster(mirror.clusterName());
      if (cluster == null) {
        continue;
      }
      Exchange copy = new Exchange(shadowOf(exchange.upstreamRequest()), pod, sim().now(), DROP_ANSWER);
      copy.markShadow();
      copy.inheritRequestId(exchange);
      copy.routedTo(mirror.clusterName(), mirror.shadowRoute().name(), sim().now());
      RetryState retry = new RetryState(mirror.shadowRoute().retryPolicy(), cluster.breaker(), retryRandom);
      int worker = workers == 1 ? 0 : workerRandom.nextInt(workers);
      new RouterRequest(this, copy, mirror.shadowRoute(), cluster, worker, retry).start();
    }
  }

  /** A shadow's answer goes nowhere. */
  private static final Exchange.ResponseHandler DROP_ANSWER = e -> { };

  private RequestTemplate shadowOf(RequestTemplate request) {
    RequestTemplate shadow = shadows.get(request);
    if (shadow == null) {
      var s = request.spec();
      shadow = RequestTemplate.of(new dev.meshsim.app.HttpRequestSpec(s.authority() + "-shadow", s.host(),
          s.port(), s.method(), s.path(), s.headers()));
      shadows.put(request, shadow);
    }
    return shadow;
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
    env.stats().countResponse(exchange);
    logOutbound(exchange);
    sim().schedule(pod.sidecarPass(), exchange); // fires exchange.end()
  }

  /** Where this proxy writes access-log entries, or null when the run keeps no access log. */
  AccessLogRecorder accessLog() {
    return env.stats().accessLog();
  }

  private void logOutbound(Exchange exchange) {
    AccessLogRecorder log = env.stats().accessLog();
    if (log != null) {
      log.outbound(pod, exchange, sim().now());
    }
  }

  /** The app closed the connection before any answer: Envoy logs code 0 with {@code DC}. */
  void countDownstreamReset(Exchange exchange) {
    exchange.addFlag(ResponseFlag.DOWNSTREAM_CONNECTION_TERMINATION);
    exchange.setCode(0);
    env.stats().countResponse(exchange);
    logOutbound(exchange);
  }

  /** Counts one of Envoy's per-host stats, when the run keeps them (an inspected run). */
  void countHost(Host host, HostCounters.Stat stat) {
    HostCounters counters = env.stats().hostCounters();
    if (counters != null) {
      counters.count(pod.name(), host, stat);
    }
  }

  DataPathMetrics metrics() {
    return metrics;
  }

  /**
   * This proxy's state for a cluster it has, created on first use and brought up to date when xDS
   * delivered a new version of the cluster: an endpoint update changes its hosts in place, any
   * other change replaces it (the old one drains). Null if the proxy has no such (warm) cluster.
   */
  Cluster cluster(String name) {
    if (resolvedAt != xds.clusterChanges()) {
      resolved.clear();
      resolvedAt = xds.clusterChanges();
    }
    Cluster known = resolved.get(name);
    if (known != null) {
      return known;
    }
    Cluster cluster = resolve(name);
    if (cluster != null) {
      resolved.put(name, cluster);
    }
    return cluster;
  }

  private Cluster resolve(String name) {
    ClusterConfig cc = xds.cluster(name);
    if (cc == null) {
      return null;
    }
    Cluster cluster = clusters.get(name);
    if (cluster != null && cluster.config() != cc && cluster.acceptsUpdate(cc)) {
      cluster.updateHosts(cc);
    } else if (cluster == null || cluster.config() != cc) {
      Cluster previous = cluster;
      cluster = Cluster.create(cc, workers, statsSink, sim(), env.streams(), "pod/" + pod.name() + "/lb/" + name,
          e -> new SecuredLink(linkTo(e), cc.settings().tls(), e.port(), env.tlsHandshakeNanos()));
      clusters.put(name, cluster);
      metrics.clusterCreated(pod.name(), workers, cluster);
      if (previous != null) {
        previous.retire();
      }
    }
    return cluster;
  }

  /** The proxy's {@code tcp_proxy} filters, made on first use so HTTP-only runs draw nothing for them. */
  private TcpProxy tcpProxy() {
    if (tcpProxy == null) {
      tcpProxy = new TcpProxy(this, env);
    }
    return tcpProxy;
  }

  /**
   * The address a request's connection was opened to, which iptables redirected to this proxy:
   * for a host outside the mesh ({@code external}), its server's address on the port dialled,
   * which is what an ORIGINAL_DST cluster connects to. Null for any other host (a Service's
   * ClusterIP holds no pod: meshsim does not model a ClusterIP as an ORIGINAL_DST host).
   */
  Endpoint originalDestination(RequestTemplate request) {
    return originalDestinations.computeIfAbsent(request, t -> {
      var external = pod.registry().external(t.spec().host());
      if (external == null || external.pods().isEmpty()) {
        return null;
      }
      var server = external.pods().get(0);
      return new Endpoint(server.name(), server.ip(), t.spec().port());
    });
  }

  /** The leg from this pod to the pod at {@code endpoint}'s address. */
  private NetworkLeg linkTo(Endpoint endpoint) {
    return legs.computeIfAbsent(endpoint, e -> new NetworkLeg(pod, env.network().podAt(e.ip())));
  }

  /**
   * The leg an attempt on {@code host} travels: the leg under the link the connector gave the host
   * when it joined its cluster (read from the host rather than looked up again: the lookup by
   * endpoint was 7% of a bench-chain run's samples).
   */
  NetworkLeg legTo(Host host) {
    return ((SecuredLink) host.link()).leg();
  }
}
