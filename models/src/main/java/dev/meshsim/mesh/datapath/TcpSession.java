package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.streaminfo.ResponseFlag;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.upstream.ConnPool;
import dev.meshsim.mesh.upstream.Connection;
import dev.meshsim.mesh.upstream.HashPolicy;
import dev.meshsim.mesh.upstream.Host;
import dev.meshsim.mesh.upstream.LoadBalancer;
import dev.meshsim.mesh.upstream.LoadBalancerContext;
import dev.meshsim.mesh.upstream.PoolCallbacks;
import dev.meshsim.mesh.upstream.PoolFailure;
import java.util.ArrayDeque;

/**
 * One downstream connection through a {@code tcp_proxy} (Envoy's {@code TcpProxy::Filter}): one
 * upstream connection to one host, taken from the host's pool as a stream that is held for the
 * connection's life and closed with it (Envoy never returns a tcp_proxy connection to its pool).
 * Requests the app writes before the connection is up wait; each then crosses to the host and its
 * answer comes back unchanged. A connection of its own (open-loop loads, apps' calls) ends with its
 * one answer; a kept-open one (fortio's connections) lasts while it works.
 *
 * <p>It is the load balancer's context: a {@code consistentHash} on {@code useSourceIp} hashes the
 * client pod's IP, as Envoy's tcp_proxy {@code hash_policy} does; HTTP keys do not exist here.
 */
final class TcpSession implements PoolCallbacks, LoadBalancerContext {
  private final Sidecar sidecar;
  private final TcpProxy proxy;
  private final Cluster cluster;
  private final int worker;
  private final DownstreamConnection kept;
  private final Exchange first;
  private final String routeName;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>(1);
  private Host host;
  private ConnPool pool;
  private NetworkLeg leg;
  private Connection connection;
  private boolean closed;

  TcpSession(Sidecar sidecar, TcpProxy proxy, Cluster cluster, String routeName, int worker,
      DownstreamConnection kept, Exchange first) {
    this.routeName = routeName;
    this.sidecar = sidecar;
    this.proxy = proxy;
    this.cluster = cluster;
    this.worker = worker;
    this.kept = kept;
    this.first = first;
  }

  /** The address the app's connection was opened to: an ORIGINAL_DST cluster's host. */
  @Override
  public dev.meshsim.mesh.upstream.Endpoint originalDestination() {
    return sidecar.originalDestination(first.request());
  }

  boolean closed() {
    return closed;
  }

  /** Picks the host and asks its pool for a connection; false when the cluster has no host (UH). */
  boolean connect() {
    host = cluster.chooseHost(worker, this);
    if (host == null) {
      closed = true;
      return false;
    }
    leg = sidecar.legTo(host);
    pool = host.pool(worker);
    pool.newStream(this);
    return true;
  }

  /** The app wrote {@code exchange} on this connection. */
  void send(Exchange exchange) {
    if (exchange.clusterName() == null) {
      proxy.routed(exchange, cluster.name(), routeName);
    }
    exchange.attempting(host.endpoint());
    Pending p = new Pending(exchange);
    exchange.attach(p);
    if (connection == null) {
      waiting.addLast(p);
    } else {
      forward(p);
    }
  }

  /** A request on this connection until its answer, or the connection's end, reaches the app. */
  private final class Pending implements Exchange.DownstreamReset {
    final Exchange exchange;
    boolean done;

    Pending(Exchange exchange) {
      this.exchange = exchange;
    }

    /** The app closed its connection before the answer (its own timeout): Envoy closes upstream too. */
    @Override
    public void onDownstreamReset(Exchange abandoned) {
      if (done) {
        return;
      }
      done = true;
      waiting.remove(this);
      end();
      sidecar.countDownstreamReset(exchange);
    }
  }

  @Override
  public void onPoolReady(Connection c) {
    if (closed) {
      pool.onStreamDone(c, true);
      return;
    }
    connection = c;
    while (!waiting.isEmpty()) {
      forward(waiting.pollFirst());
    }
  }

  /**
   * No connection: an overflow of the pool's own limits is {@code UO}; a refused or timed-out
   * connect is {@code UF}, reported to outlier detection as a local-origin failure, and with
   * {@code max_connect_attempts} (1) used up also {@code URX}.
   */
  @Override
  public void onPoolFailure(PoolFailure reason) {
    if (closed) {
      return;
    }
    ResponseFlag[] flags = reason == PoolFailure.OVERFLOW
        ? new ResponseFlag[] {ResponseFlag.UPSTREAM_OVERFLOW}
        : new ResponseFlag[] {ResponseFlag.UPSTREAM_CONNECTION_FAILURE, ResponseFlag.UPSTREAM_RETRY_LIMIT_EXCEEDED};
    if (reason != PoolFailure.OVERFLOW) {
      host.outlier().putHttpResponseCode(503);
    }
    end();
    while (!waiting.isEmpty()) {
      Pending p = waiting.pollFirst();
      if (!p.done) {
        p.done = true;
        proxy.closeDownstream(p.exchange, flags);
      }
    }
  }

  private void forward(Pending p) {
    if (!p.done) {
      leg.sendRequest(new ServerSide(p));
    }
  }

  /** The request as the serving pod's app reads it off the proxied connection. */
  private final class ServerSide implements Inbound {
    private final Pending pending;

    ServerSide(Pending pending) {
      this.pending = pending;
    }

    @Override
    public Exchange caller() {
      return pending.exchange;
    }

    @Override
    public void respond(int code) {
      sidecar.sim().schedule(leg.responseNanos(), () -> onAnswer(pending, code));
    }

    @Override
    public void reset() {
      sidecar.sim().schedule(leg.resetNanos(), () -> onUpstreamReset(pending));
    }

    /**
     * The server sidecar's inbound tcp_proxy could not connect to its app (its own log: UF,URX) and
     * closes the connection: the client's tcp_proxy sees a plain close and closes the app's, no flag.
     */
    @Override
    public void refused() {
      sidecar.sim().schedule(leg.resetNanos(), () -> onUpstreamClosed(pending));
    }

    /** The app's reset crosses the inbound tcp_proxy as a reset. */
    @Override
    public void appReset() {
      reset();
    }

    @Override
    public RequestTemplate request() {
      return pending.exchange.request();
    }
  }

  private void onAnswer(Pending p, int code) {
    if (p.done) {
      return; // the app closed the connection already; the bytes go nowhere
    }
    p.done = true;
    if (kept == null) {
      end(); // a connection of its own closes with its one answer
    }
    sidecar.respondLocally(p.exchange, code);
  }

  /**
   * The server's side reset the connection (its app died or reset it): Envoy resets the downstream
   * connection too, flagging {@code UR} (upstream remote reset) as current tcp_proxy does.
   */
  private void onUpstreamReset(Pending p) {
    if (p.done) {
      return;
    }
    p.done = true;
    end();
    proxy.closeDownstream(p.exchange, ResponseFlag.UPSTREAM_REMOTE_RESET);
  }

  /** The server side closed the connection without an answer: code 0, no flag. */
  private void onUpstreamClosed(Pending p) {
    if (p.done) {
      return;
    }
    p.done = true;
    end();
    proxy.closeDownstream(p.exchange);
  }

  /** Closes the upstream connection (or gives up waiting for it); the session is over. */
  private void end() {
    if (closed) {
      return;
    }
    closed = true;
    if (connection != null) {
      pool.onStreamDone(connection, true);
    } else if (pool != null) {
      pool.cancelPending(this);
    }
    proxy.ended(this, kept);
  }

  // --- LoadBalancerContext ---

  @Override
  public long computeHashKey() {
    HashPolicy policy = cluster.config().settings().hashPolicy();
    if (policy == null || policy.source() != HashPolicy.Source.SOURCE_IP) {
      return LoadBalancer.NO_HASH;
    }
    return cluster.requestHash(first.request().attributes(), first.client().ip());
  }

  @Override
  public boolean shouldSelectAnotherHost(Host candidate) {
    return false;
  }

  @Override
  public int hostSelectionRetryCount() {
    return 0;
  }
}
