package dev.meshsim.mesh.datapath;

import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.mesh.routing.TcpProxyRoute;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.streaminfo.ResponseFlag;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.result.ClusterStats.Stat;

/**
 * One sidecar's outbound {@code tcp_proxy} network filters (envoy {@code
 * source/common/tcp_proxy/tcp_proxy.cc}, {@code Filter::initializeUpstreamConnection} and {@code
 * establishUpstreamConnection}). A new downstream connection picks its cluster by weight, then a
 * host, and opens one upstream connection; everything the app sends on that connection goes to that
 * host. What fails before the upstream connection is up closes the downstream connection with
 * Envoy's flag: {@code NC} (no such cluster), {@code UO} ({@code max_connections} full, checked
 * before the pool), {@code UH} (no host: e.g. {@code BlackHoleCluster}), {@code UF,URX} (the
 * connect failed and {@code max_connect_attempts}, 1 as Istio leaves it, is used up).
 *
 * <p>There is no HTTP here: no per-request balancing, retries, timeouts or faults, and the
 * access log has no response code. meshsim reports a request whose connection closed before an
 * answer with code 0 and those flags, and an answered one with the app's code, which passes
 * through the proxy untouched.
 */
final class TcpProxy {
  private final Sidecar sidecar;
  private final ProxyEnvironment env;
  private final RandomStream clusterRandom;
  private final RandomStream workerRandom;

  TcpProxy(Sidecar sidecar, ProxyEnvironment env) {
    this.sidecar = sidecar;
    this.env = env;
    String prefix = "pod/" + sidecar.pod().name() + "/tcp/";
    this.clusterRandom = env.streams().stream(prefix + "cluster");
    this.workerRandom = env.streams().stream(prefix + "worker");
  }

  /** A request the app writes to a connection intercepted by a {@code tcp_proxy} filter chain. */
  void onRequest(Exchange exchange, TcpProxyRoute route) {
    DownstreamConnection kept = exchange.connection();
    TcpSession session = kept == null ? null : kept.session;
    if (route.noFilterChain()) {
      closeDownstream(exchange, ResponseFlag.NO_ROUTE_FOUND); // no filter chain for this SNI
      return;
    }
    if (session == null || session.closed()) {
      long wait = route.firstBytesWaitNanos();
      if (wait == TcpProxyRoute.FOREVER) {
        stall(exchange, route);
      } else if (wait > 0) {
        sidecar.sim().schedule(wait, () -> openAndSend(exchange, route, kept));
      } else {
        openAndSend(exchange, route, kept);
      }
      return;
    }
    session.send(exchange);
  }

  private void openAndSend(Exchange exchange, TcpProxyRoute route, DownstreamConnection kept) {
    if (exchange.abandoned()) {
      sidecar.countDownstreamReset(exchange); // the app gave up while the listener waited
      return;
    }
    TcpSession session = open(exchange, route, kept);
    if (session != null) {
      session.send(exchange); // else the connection was closed at once; the exchange has ended
    }
  }

  /**
   * A server-first app's connection that never gets past its listener: the client waits for a
   * greeting the server never sends (nothing reached it). Only the app's own timeout ends it.
   */
  private void stall(Exchange exchange, TcpProxyRoute route) {
    routed(exchange, route.clusters().get(0).clusterName(), route.name());
    exchange.attach(sidecar::countDownstreamReset);
  }

  /** A new downstream connection: its cluster, the overflow check, its host and upstream connection. */
  private TcpSession open(Exchange first, TcpProxyRoute route, DownstreamConnection kept) {
    WeightedCluster target = route.pickCluster(clusterRandom);
    routed(first, target.clusterName(), route.name());
    Cluster cluster = sidecar.cluster(target.clusterName());
    if (cluster == null) {
      closeDownstream(first, ResponseFlag.NO_CLUSTER_FOUND);
      return null;
    }
    // tcp_proxy checks max_connections itself, strictly ("the TCP conn pool will queue our request
    // waiting for a connection that will never be released").
    if (!cluster.breaker().canCreateConnection()) {
      cluster.info().count(Stat.UPSTREAM_CX_OVERFLOW);
      closeDownstream(first, ResponseFlag.UPSTREAM_OVERFLOW);
      return null;
    }
    int worker = env.workers() == 1 ? 0 : workerRandom.nextInt(env.workers());
    TcpSession session = new TcpSession(sidecar, this, cluster, route.name(), worker, kept, first);
    if (!session.connect()) {
      closeDownstream(first, ResponseFlag.NO_HEALTHY_UPSTREAM);
      return null;
    }
    if (kept != null) {
      kept.session = session;
    }
    return session;
  }

  /** {@code exchange} goes to {@code cluster}: what the access log and the per-load counts show. */
  void routed(Exchange exchange, String cluster, String routeName) {
    exchange.tcpProxied();
    exchange.routedTo(cluster, routeName, sidecar.sim().now());
    env.stats().countRouted(exchange, cluster);
  }

  /**
   * Envoy closed the downstream connection before any answer: the access log has response code 0
   * and the flags set on the way; the app sees its connection closed.
   */
  void closeDownstream(Exchange exchange, ResponseFlag... flags) {
    for (ResponseFlag f : flags) {
      exchange.addFlag(f);
    }
    sidecar.respondLocally(exchange, 0);
  }

  /** The session of {@code kept} ended: its next request opens a new upstream connection. */
  void ended(TcpSession session, DownstreamConnection kept) {
    if (kept != null && kept.session == session) {
      kept.session = null;
    }
  }
}
