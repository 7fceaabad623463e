package dev.meshsim.mesh.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.engine.Simulation;
import dev.meshsim.result.ClusterStats.Stat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The connection pool built alone over a link whose connects a test controls: Envoy's pool rules
 * ({@code source/common/conn_pool/conn_pool_base.cc}) on attach, waiting, connecting and closing.
 */
class ConnPoolTest {
  private static final long MS = 1_000_000;

  private final Simulation sim = new Simulation();
  private final Upstreams.Sink sink = new Upstreams.Sink();

  private ClusterInfo info(ClusterSettings settings) {
    return Upstreams.info(settings, sim, sink);
  }

  /** A stream that records what the pool told it. */
  private static final class Stream implements PoolCallbacks {
    Connection connection;
    PoolFailure failure;

    @Override
    public void onPoolReady(Connection c) {
      connection = c;
    }

    @Override
    public void onPoolFailure(PoolFailure reason) {
      failure = reason;
    }
  }

  private static ClusterSettings settings(Thresholds limits, int maxRequestsPerConnection, long idleTimeoutNanos) {
    return new ClusterSettings(limits, ClusterSettings.MESH_CONNECT_TIMEOUT_NANOS, maxRequestsPerConnection,
        idleTimeoutNanos, 1, LbPolicy.ROUND_ROBIN, null, ClusterSettings.ENVOY_PANIC_THRESHOLD_PERCENT);
  }

  private static Thresholds limits(long connections, long pending, long requests) {
    return new Thresholds(connections, pending, requests, Thresholds.ISTIO_UNSET);
  }

  private Host host(ClusterInfo info, Upstreams.Link link, int i) {
    return Upstreams.host(Upstreams.endpoint(i), info, link, 2);
  }

  private Stream newStream(ConnPool pool) {
    Stream s = new Stream();
    pool.newStream(s);
    return s;
  }

  @Test
  void aStreamWaitsForTheConnectThenAttaches() {
    ClusterInfo info = info(settings(Thresholds.ISTIO_DEFAULT, 0, ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS));
    Upstreams.Link link = new Upstreams.Link();
    link.delayNanos = 3 * MS;
    ConnPool pool = host(info, link, 1).pool(0);
    Stream s = newStream(pool);
    assertNull(s.connection, "no connection before the handshake completes");
    assertEquals(1, info.breaker().pendingRequests());
    sim.runUntil(3 * MS);
    assertNotNull(s.connection);
    assertEquals(0, info.breaker().pendingRequests());
    assertEquals(1, info.breaker().requests());
    assertEquals(1, pool.host().activeRequests(), "rq_active counts the attached stream");
  }

  @Test
  void keepAliveReusesTheConnection() {
    ClusterInfo info = info(settings(Thresholds.ISTIO_DEFAULT, 0, ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS));
    Upstreams.Link link = new Upstreams.Link();
    ConnPool pool = host(info, link, 1).pool(0);
    Stream first = newStream(pool);
    sim.runUntil(MS);
    pool.onStreamDone(first.connection, false);
    Stream second = newStream(pool);
    assertNotNull(second.connection, "a ready connection with a free slot attaches at once");
    assertEquals(first.connection, second.connection);
    assertEquals(1, link.connects());
    assertEquals(1, pool.connections());
  }

  @Test
  void maxRequestsPerConnectionClosesAConnectionAfterItsLastStream() {
    ClusterInfo info = info(settings(Thresholds.ISTIO_DEFAULT, 1, ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS));
    Upstreams.Link link = new Upstreams.Link();
    ConnPool pool = host(info, link, 1).pool(0);
    Stream first = newStream(pool);
    sim.runUntil(MS);
    assertEquals(1, info.breaker().requests());
    pool.onStreamDone(first.connection, false);
    assertEquals(0, pool.connections(), "the connection carried its one request and closed");
    Stream second = newStream(pool);
    assertNull(second.connection, "no keep-alive: a new connect");
    sim.runUntil(2 * MS);
    assertNotNull(second.connection);
    assertFalse(second.connection == first.connection);
    assertEquals(2, link.connects());
    assertEquals(2, sink.stats.counter(Stat.UPSTREAM_CX_MAX_REQUESTS));
  }

  /**
   * Envoy lets a pool with no connection at all open one even when {@code max_connections} is
   * reached (counting {@code upstream_cx_overflow}); a pool that has one waits.
   */
  @Test
  void anEmptyPoolMayAlwaysOpenOneConnection() {
    ClusterInfo info = info(settings(limits(1, 100, 100), 0, ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS));
    Upstreams.Link link = new Upstreams.Link();
    Host a = host(info, link, 1);
    Host b = host(info, link, 2);
    newStream(a.pool(0));
    assertEquals(1, info.breaker().connections());
    newStream(b.pool(0));
    assertEquals(2, info.breaker().connections(), "host b's pool was empty: it may open one over the limit");
    Stream third = newStream(a.pool(0));
    assertEquals(2, info.breaker().connections(), "host a's pool has a connection: no second one");
    assertEquals(2, sink.stats.counter(Stat.UPSTREAM_CX_OVERFLOW));
    sim.runUntil(MS);
    assertNull(third.connection, "waits for the first stream's connection");
  }

  @Test
  void pendingOverflowFailsTheStreamAtOnce() {
    ClusterInfo info = info(settings(limits(1, 0, 100), 0, ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS));
    ConnPool pool = host(info, new Upstreams.Link(), 1).pool(0);
    Stream s = newStream(pool);
    assertEquals(PoolFailure.OVERFLOW, s.failure);
    assertEquals(1, sink.stats.counter(Stat.UPSTREAM_RQ_PENDING_OVERFLOW));
  }

  @Test
  void aRefusedConnectFailsEveryWaitingStream() {
    ClusterInfo info = info(settings(limits(1, 100, 100), 0, ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS));
    Upstreams.Link link = new Upstreams.Link();
    link.connects = false;
    ConnPool pool = host(info, link, 1).pool(0);
    List<Stream> streams = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      streams.add(newStream(pool));
    }
    sim.runUntil(MS);
    streams.forEach(s -> assertEquals(PoolFailure.CONNECTION_FAILURE, s.failure));
    assertEquals(0, info.breaker().pendingRequests());
    assertEquals(0, info.breaker().connections());
  }

  @Test
  void anIdleConnectionClosesAfterTheIdleTimeoutButNotIfReused() {
    long idle = 100 * MS;
    ClusterInfo info = info(settings(Thresholds.ISTIO_DEFAULT, 0, idle));
    ConnPool pool = host(info, new Upstreams.Link(), 1).pool(0);
    Stream s = newStream(pool);
    sim.runUntil(MS);
    pool.onStreamDone(s.connection, false);
    sim.runUntil(MS + idle / 2);
    Stream again = newStream(pool);
    assertTrue(again.connection == s.connection);
    pool.onStreamDone(again.connection, false);
    sim.runUntil(MS + idle);
    assertEquals(1, pool.connections(), "reused half-way: idle only since then");
    sim.runUntil(MS + idle / 2 + idle);
    assertEquals(0, pool.connections());
    assertEquals(0, info.breaker().connections());
  }
  /**
   * Envoy takes the ready connection at the front of its list and puts a connection that becomes
   * ready at the front: the most recently used one serves next, so a surplus connection stays
   * idle until the idle timeout closes it, however steady the traffic.
   */
  @Test
  void theMostRecentlyUsedConnectionServesNext_soASurplusOneIdlesOut() {
    long idle = 100 * MS;
    ClusterInfo info = info(settings(Thresholds.ISTIO_DEFAULT, 0, idle));
    ConnPool pool = host(info, new Upstreams.Link(), 1).pool(0);
    Stream a = newStream(pool);
    Stream b = newStream(pool);
    sim.runUntil(MS);
    assertEquals(2, pool.connections(), "two streams at once: two HTTP/1.1 connections");
    pool.onStreamDone(a.connection, false);
    pool.onStreamDone(b.connection, false);
    Connection surplus = a.connection;
    for (int i = 0; i < 30; i++) {
      sim.runUntil(sim.now() + 10 * MS);
      Stream s = newStream(pool);
      assertTrue(s.connection == b.connection, "request " + i + " takes the connection freed last");
      pool.onStreamDone(s.connection, false);
    }
    assertTrue(surplus.closed(), "idle since the first millisecond: closed by the idle timeout");
    assertEquals(1, pool.connections());
  }
}
