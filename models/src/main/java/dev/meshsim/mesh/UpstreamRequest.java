package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.upstream.ConnPool;
import dev.meshsim.mesh.upstream.Connection;
import dev.meshsim.mesh.upstream.PoolCallbacks;
import dev.meshsim.mesh.upstream.PoolFailure;

/**
 * One attempt of a request from a client sidecar to one host (Envoy's router {@code
 * UpstreamRequest}): it waits for a pooled connection, sends, and ends exactly once with a
 * response, a reset, a pool failure, or a cancel (timeouts). The per-try timeout runs from the
 * moment a connection is attached, as Envoy arms it in {@code onPoolReady}.
 */
final class UpstreamRequest implements PoolCallbacks, Inbound {
  private final RouterRequest parent;
  private final Cluster cluster;
  private final int host;
  private final Pod server;
  private final Simulation sim;
  private ConnPool pool;
  private Connection connection;
  private long perTryTimer = Simulation.NO_TIMER;
  private boolean finished;

  UpstreamRequest(RouterRequest parent, Cluster cluster, int host, Simulation sim) {
    this.parent = parent;
    this.cluster = cluster;
    this.host = host;
    this.server = cluster.endpoint(host).pod();
    this.sim = sim;
  }

  int host() {
    return host;
  }

  /**
   * Reports this attempt's outcome to outlier detection, through its pool: after an endpoint update
   * the pool belongs to the cluster's new version, whose detector carries the host's state.
   */
  void reportToOutlier(int code) {
    pool.reportOutlier(code);
  }

  /** Whether the request was handed to a connection (the outlier detector hears of it). */
  boolean sent() {
    return connection != null;
  }

  void start(int worker) {
    pool = cluster.pool(worker, host);
    pool.newStream(this);
  }

  @Override
  public void onPoolReady(Connection c) {
    if (finished) {
      return;
    }
    connection = c;
    pool.requestStarted();
    long perTry = parent.perTryTimeoutNanos();
    if (perTry > 0) {
      perTryTimer = sim.schedule(perTry, this::onPerTryTimeout);
    }
    server.deliver(this, parent.clientNetworkNanos());
  }

  @Override
  public void onPoolFailure(PoolFailure reason) {
    if (finished) {
      return;
    }
    finished = true;
    parent.onPoolFailure(this, reason);
  }

  // --- what the server side does with the request (Inbound) ---

  @Override
  public void respond(int code) {
    sim.schedule(server.sendCost() + server.costs().network(), () -> onResponse(code));
  }

  @Override
  public void reset() {
    sim.schedule(server.costs().network(), this::onConnectionTerminated);
  }

  private void onResponse(int code) {
    if (finished) {
      return; // the client gave up on this attempt already; the answer is dropped
    }
    release(false);
    parent.onResponse(this, code);
  }

  private void onConnectionTerminated() {
    if (finished) {
      return;
    }
    release(true);
    parent.onReset(this, RetryState.Reset.CONNECTION_TERMINATION);
  }

  private void onPerTryTimeout() {
    perTryTimer = Simulation.NO_TIMER;
    if (finished) {
      return;
    }
    release(true);
    parent.onPerTryTimeout(this);
  }

  /** The router gave up on this attempt (route timeout): reset it, leave the pool. */
  void cancel() {
    if (finished) {
      return;
    }
    if (connection == null) {
      finished = true;
      pool.cancelPending(this);
    } else {
      release(true);
    }
  }

  /** Ends the stream on its connection; a reset HTTP/1.1 connection cannot be reused. */
  private void release(boolean reset) {
    finished = true;
    sim.cancel(perTryTimer);
    pool.requestEnded();
    pool.onStreamDone(connection, reset);
  }
}
