package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;
import dev.meshsim.result.ClusterStats.Stat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Envoy's HTTP connection pool for one (sidecar worker, host), following {@code
 * source/common/conn_pool/conn_pool_base.cc}:
 *
 * <ol>
 *   <li>a stream that finds a connection with a free slot attaches at once, unless the {@code
 *       max_requests} breaker is full (overflow, {@code upstream_rq_pending_overflow});
 *   <li>otherwise it waits in FIFO order, unless the {@code max_pending_requests} breaker is full
 *       (overflow);
 *   <li>a waiting stream asks for a new connection when the waiting outnumber the slots of
 *       connections still connecting; the {@code max_connections} breaker refuses it ({@code
 *       upstream_cx_overflow}) <em>unless this pool has no connection at all</em>, Envoy's rule that
 *       lets Istio's circuit-breaking task through a little more than its limits;
 *   <li>a failed or timed-out connect fails every waiting stream of the pool (UF).
 * </ol>
 *
 * HTTP/1.1 is the case {@code streamsPerConnection == 1}; HTTP/2 multiplexes up to it. The pool keeps
 * its host's {@code rq_active} gauge: a stream counts from attach to done.
 */
public final class ConnPool {
  private final Host host;
  private final ClusterInfo cluster;
  private final Simulation sim;
  private final ClusterSettings settings;
  private final CircuitBreaker breaker;
  private boolean draining;
  private final ArrayDeque<Connection> ready = new ArrayDeque<>();
  private final List<Connection> connecting = new ArrayList<>();
  private final ArrayDeque<PoolCallbacks> pending = new ArrayDeque<>();
  private int total;
  /** Connections ever opened by this pool (their serials). */
  private int opened;

  /** A pool to {@code host}, under its cluster's settings and circuit breaker. */
  public ConnPool(Host host) {
    this.host = host;
    this.cluster = host.cluster();
    this.sim = cluster.sim();
    this.settings = cluster.settings();
    this.breaker = cluster.breaker();
  }

  public Host host() {
    return host;
  }

  /**
   * The host left the cluster: idle connections close now, busy ones once their stream is done
   * (Envoy drains the connections of a removed host).
   */
  void drain() {
    draining = true;
    for (Connection c : List.copyOf(ready)) {
      if (c.activeStreams() == 0) {
        closeConnection(c);
      }
    }
  }

  /** Asks for a connection for {@code stream}; answers through its callbacks, maybe at once. */
  public void newStream(PoolCallbacks stream) {
    Connection c = readyConnection();
    if (c != null) {
      attach(c, stream);
      return;
    }
    if (!breaker.canCreatePending()) {
      cluster.count(Stat.UPSTREAM_RQ_PENDING_OVERFLOW);
      stream.onPoolFailure(PoolFailure.OVERFLOW);
      return;
    }
    pending.addLast(stream);
    breaker.pendingAdded();
    cluster.count(Stat.UPSTREAM_RQ_PENDING_TOTAL);
    tryCreateConnection();
  }

  /** A waiting stream gave up (route timeout, downstream reset). */
  public void cancelPending(PoolCallbacks stream) {
    if (pending.remove(stream)) {
      breaker.pendingRemoved();
    }
  }

  /** The stream on {@code c} finished; {@code close} when it was reset (HTTP/1.1 cannot reuse it). */
  public void onStreamDone(Connection c, boolean close) {
    c.streamDone();
    host.requestEnded();
    breaker.requestEnded();
    if (close || draining || c.exhausted()) {
      closeConnection(c);
      tryCreateConnection();
      return;
    }
    if (!c.inReadyList()) {
      addReady(c);
    }
    servePending(c);
    if (c.activeStreams() == 0 && !c.closed()) {
      becameIdle(c);
    }
  }

  /**
   * Envoy closes a connection idle for {@code idleTimeout}. Rather than cancel and re-arm a timer on
   * every reuse (most keep-alive connections are reused long before), one check is armed at a time:
   * when it fires it closes the connection if it has been idle long enough, else re-arms for the
   * rest of the interval, or lets the next idle period arm it.
   */
  private void becameIdle(Connection c) {
    if (c.becameIdle(sim.now())) {
      sim.schedule(settings.idleTimeoutNanos(), () -> onIdleCheck(c));
    }
  }

  private void onIdleCheck(Connection c) {
    c.idleCheckFired();
    if (c.closed() || c.activeStreams() > 0) {
      return;
    }
    long due = c.idleSince() + settings.idleTimeoutNanos();
    if (sim.now() >= due) {
      closeConnection(c);
    } else {
      c.idleCheckRearmed();
      sim.schedule(due - sim.now(), () -> onIdleCheck(c));
    }
  }

  private Connection readyConnection() {
    for (Iterator<Connection> it = ready.iterator(); it.hasNext(); ) {
      Connection c = it.next();
      if (!host.link().accepting()) {
        it.remove(); // the peer closed its idle connections when it went away
        c.setInReadyList(false);
        closeConnection(c);
        continue;
      }
      if (c.hasCapacity(settings.streamsPerConnection())) {
        return c;
      }
    }
    return null;
  }

  private void attach(Connection c, PoolCallbacks stream) {
    if (!breaker.canCreateRequest()) {
      cluster.count(Stat.UPSTREAM_RQ_PENDING_OVERFLOW);
      stream.onPoolFailure(PoolFailure.OVERFLOW);
      return;
    }
    if (c.streamAttached()) {
      cluster.count(Stat.UPSTREAM_CX_MAX_REQUESTS);
    }
    if (!c.hasCapacity(settings.streamsPerConnection())) {
      removeReady(c);
    }
    breaker.requestStarted();
    host.requestStarted();
    cluster.count(Stat.UPSTREAM_RQ_TOTAL);
    stream.onPoolReady(c);
  }

  private void servePending(Connection c) {
    while (!pending.isEmpty() && c.hasCapacity(settings.streamsPerConnection())) {
      PoolCallbacks next = pending.pollFirst();
      breaker.pendingRemoved();
      attach(c, next);
    }
  }

  private void tryCreateConnection() {
    if (pending.size() <= connecting.size() * settings.streamsPerConnection()) {
      return;
    }
    boolean allowed = breaker.canCreateConnection();
    if (!allowed) {
      cluster.count(Stat.UPSTREAM_CX_OVERFLOW);
      if (total > 0) {
        return;
      }
    }
    openConnection();
  }

  private void openConnection() {
    Connection c = new Connection(this, settings.maxRequestsPerConnection(), ++opened);
    total++;
    connecting.add(c);
    breaker.connectionOpened();
    cluster.count(Stat.UPSTREAM_CX_TOTAL);
    cluster.countHostConnection(host, false);
    Connector.Outcome outcome = host.link().connect();
    long timeout = settings.connectTimeoutNanos();
    if (outcome.delayNanos() < timeout) {
      c.connecting(sim.schedule(outcome.delayNanos(),
          outcome.succeeds() ? () -> onConnected(c) : () -> onConnectFailed(c, PoolFailure.CONNECTION_FAILURE)));
    } else {
      c.connecting(sim.schedule(timeout, () -> onConnectFailed(c, PoolFailure.TIMEOUT)));
    }
  }

  private void onConnected(Connection c) {
    connecting.remove(c);
    c.connected();
    addReady(c);
    servePending(c);
    if (c.activeStreams() == 0) {
      becameIdle(c);
    }
    tryCreateConnection();
  }

  private void onConnectFailed(Connection c, PoolFailure reason) {
    connecting.remove(c);
    c.connectFailed();
    closeConnection(c);
    // Envoy counts a timeout twice: upstream_cx_connect_timeout in ActiveClient::onConnectTimeout, then,
    // as for any connection closed while connecting, upstream_cx_connect_fail (onConnectionEvent).
    if (reason == PoolFailure.TIMEOUT) {
      cluster.count(Stat.UPSTREAM_CX_CONNECT_TIMEOUT);
    }
    cluster.count(Stat.UPSTREAM_CX_CONNECT_FAIL);
    cluster.countHostConnection(host, true);
    List<PoolCallbacks> purged = new ArrayList<>(pending);
    pending.clear();
    purged.forEach(s -> {
      breaker.pendingRemoved();
      s.onPoolFailure(reason);
    });
  }

  private void closeConnection(Connection c) {
    long timer = c.close();
    if (timer == Long.MIN_VALUE) {
      return; // closed already
    }
    sim.cancel(timer);
    removeReady(c);
    connecting.remove(c);
    total--;
    breaker.connectionClosed();
  }

  // Whether a connection is in `ready` is a flag on it: asking the deque scanned it on every
  // finished stream, a cost that grows with the pool (bench-chain's few connections per pool never
  // showed it in a whole-run A/B; a pool of hundreds of idle HTTP/1.1 connections would).

  /**
   * A connection that becomes ready (connected, or a stream done on a busy one) goes to the front,
   * and {@link #readyConnection} takes from the front: the most recently used connection first, so
   * surplus connections stay idle and close. Envoy moves a client between its lists with {@code
   * LinkedList::moveIntoList} and {@code moveBetweenLists}, which insert at the front ({@code
   * source/common/common/linked_object.h}), and {@code newStream} takes {@code ready_clients_.front()}
   * ({@code source/common/conn_pool/conn_pool_base.cc}).
   */
  private void addReady(Connection c) {
    ready.addFirst(c);
    c.setInReadyList(true);
  }

  private void removeReady(Connection c) {
    if (c.inReadyList()) {
      ready.remove(c);
      c.setInReadyList(false);
    }
  }

  /** Connections of this pool in any state. */
  public int connections() {
    return total;
  }

}
