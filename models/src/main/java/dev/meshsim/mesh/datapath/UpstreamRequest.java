package dev.meshsim.mesh.datapath;

import dev.meshsim.engine.Simulation;
import dev.meshsim.mesh.upstream.ConnPool;
import dev.meshsim.mesh.upstream.Connection;
import dev.meshsim.mesh.upstream.Host;
import dev.meshsim.mesh.upstream.PoolCallbacks;
import dev.meshsim.mesh.upstream.PoolFailure;

/**
 * One attempt of a request from a client sidecar to one host (Envoy's router {@code
 * UpstreamRequest}, {@code source/common/router/upstream_request.cc}): it waits for a pooled
 * connection, sends over the network leg, and ends exactly once with a response, a reset, a pool
 * failure, or a cancel (timeouts), which it tells the router through {@link RouterFilterInterface}.
 * The per-try timeout runs from the moment a connection is attached, as Envoy arms it in {@code
 * onPoolReady}. The server's side of the exchange is a separate {@link Inbound} handle.
 */
public final class UpstreamRequest implements PoolCallbacks {
  /** {@link ServerSide}'s answer when the connection broke instead (no HTTP code is negative). */
  private static final int RESET = -1;
  /** {@link ServerSide}'s answer before the request reached the server's app. */
  private static final int NOT_ARRIVED = -2;
  private final RouterFilterInterface router;
  private final Host host;
  private final NetworkLeg leg;
  private final Simulation sim;
  private ConnPool pool;
  private Connection connection;
  private long perTryTimer = Simulation.NO_TIMER;
  private boolean finished;
  private int worker;

  UpstreamRequest(RouterFilterInterface router, Host host, NetworkLeg leg, Simulation sim) {
    this.router = router;
    this.host = host;
    this.leg = leg;
    this.sim = sim;
  }

  Host host() {
    return host;
  }

  /** Whether the request was handed to a connection (the outlier detector hears of it). */
  boolean sent() {
    return connection != null;
  }

  void start(int worker) {
    this.worker = worker;
    pool = host.pool(worker);
    pool.newStream(this);
  }

  @Override
  public void onPoolReady(Connection c) {
    if (finished) {
      return;
    }
    connection = c;
    router.onAttached(this, worker, c.serial());
    long perTry = router.perTryTimeoutNanos();
    if (perTry > 0) {
      perTryTimer = sim.schedule(perTry, this::onPerTryTimeout);
    }
    if (host.closesOnRequest()) {
      // A plaintext request into a STRICT sidecar: its inbound listener has no filter chain for it
      // and closes the connection; the router sees connection termination (503 UC).
      sim.schedule(leg.roundTripNanos(), this::onConnectionTerminated);
      return;
    }
    ServerSide serverSide = new ServerSide();
    leg.sendArrival(serverSide, serverSide); // its first firing is its arrival at the server's app
  }

  @Override
  public void onPoolFailure(PoolFailure reason) {
    if (finished) {
      return;
    }
    finished = true;
    router.onPoolFailure(this, reason);
  }

  /**
   * The request as the serving pod sees it: its answer or reset travels back over the leg. It is
   * also its own two events, one pending at a time: first its arrival at the server's app, then its
   * answer's arrival at the client sidecar (the serving side answers at most once), so neither
   * allocates an event object.
   */
  private final class ServerSide implements Inbound, dev.meshsim.engine.Event {
    /**
     * {@link #NOT_ARRIVED} until the request reached the server's app, then the answer's code, or
     * {@link #RESET} for a broken connection (one field rather than a flag and a code: with the
     * retry field below the object stays 32 bytes, and there are three a bench-chain request).
     */
    private int answer = NOT_ARRIVED;
    /** When the request reached the server pod (its sidecar's access-log start). */
    private long arrivedNanos;
    /** The server sidecar's retries of a refused connect to its app; made on the first refusal. */
    private InboundConnectRetry connectRetry;

    @Override
    public Exchange caller() {
      return router.downstreamRequest();
    }

    @Override
    public void arrived(long nanos) {
      arrivedNanos = nanos;
    }

    @Override
    public void respond(int code) {
      logInbound(code, "-");
      answer = code;
      sim.schedule(leg.responseNanos(), this);
    }

    @Override
    public boolean retriedConnect() {
      return connectRetry != null && connectRetry.retried();
    }

    /** The app refused the server sidecar's connect: tried again ({@link InboundConnectRetry}), else 503. */
    @Override
    public void refused() {
      if (connectRetry == null) {
        connectRetry = new InboundConnectRetry();
      }
      if (connectRetry.retry(leg, this)) {
        return;
      }
      logInbound(503, connectRetry.flags());
      answer = 503;
      sim.schedule(leg.responseNanos(), this);
    }

    @Override
    public void appReset() {
      logInbound(503, "UC");
      answer = 503;
      sim.schedule(leg.responseNanos(), this);
    }

    @Override
    public void reset() {
      answer = RESET;
      sim.schedule(leg.resetNanos(), this);
    }

    /** The request reached the server's app; later, the answer (or the reset) the client sidecar. */
    @Override
    public void fire() {
      if (answer == NOT_ARRIVED) {
        answer = 0;
        leg.server().arrive(this);
      } else if (answer == RESET) {
        onConnectionTerminated();
      } else {
        onResponse(answer);
      }
    }

    private void logInbound(int code, String flags) {
      AccessLogRecorder log = leg.server().sidecarLog();
      if (log != null && leg.server().logsInbound()) {
        log.inbound(leg.server(), leg.client(), caller(), request(), host.endpoint(), true, arrivedNanos, sim.now(),
            code, flags);
      }
    }

    @Override
    public RequestTemplate request() {
      return router.request();
    }
  }

  private void onResponse(int code) {
    if (finished) {
      return; // the client gave up on this attempt already; the answer is dropped
    }
    release(false);
    router.onUpstreamResponse(this, code);
  }

  private void onConnectionTerminated() {
    if (finished) {
      return;
    }
    release(true);
    router.onUpstreamReset(this, RetryState.Reset.CONNECTION_TERMINATION);
  }

  private void onPerTryTimeout() {
    perTryTimer = Simulation.NO_TIMER;
    if (finished) {
      return;
    }
    release(true);
    router.onPerTryTimeout(this);
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
    pool.onStreamDone(connection, reset);
  }
}
