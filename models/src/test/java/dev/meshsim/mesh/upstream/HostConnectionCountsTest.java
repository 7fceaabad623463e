package dev.meshsim.mesh.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.engine.Simulation;
import dev.meshsim.result.ClusterStats.Stat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Envoy's per-host {@code cx_total} and {@code cx_connect_fail} as the pool charges them ({@code
 * source/common/conn_pool/conn_pool_base.cc}): one {@code cx_total} per connection opened, one
 * {@code cx_connect_fail} per connection that closes while still connecting, refused or timed out;
 * none for streams that reuse a connection. Reported only to a sink that keeps the sidecar's own
 * counters (an inspected run); an ordinary run's sink is never asked. The cluster's {@code
 * upstream_cx_connect_fail} counts the same failures, so a timeout counts in it and in {@code
 * upstream_cx_connect_timeout}.
 */
class HostConnectionCountsTest {
  private static final long MS = 1_000_000;
  private static final long CONNECT_TIMEOUT = 50 * MS;

  private final Simulation sim = new Simulation();

  private static ClusterSettings settings() {
    return new ClusterSettings(Thresholds.ISTIO_DEFAULT, CONNECT_TIMEOUT, 0, ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS,
        1, LbPolicy.ROUND_ROBIN, null, ClusterSettings.ENVOY_PANIC_THRESHOLD_PERCENT);
  }

  private static final class Stream implements PoolCallbacks {
    Connection connection;

    @Override
    public void onPoolReady(Connection c) {
      connection = c;
    }

    @Override
    public void onPoolFailure(PoolFailure reason) {}
  }

  private ConnPool pool(ClusterInfo.StatsSink sink, Upstreams.Link link) {
    ClusterInfo info = new ClusterInfo(Upstreams.CLUSTER, settings(), sim, sink);
    return Upstreams.host(Upstreams.endpoint(1), info, link, 1).pool(0);
  }

  private static Stream stream(ConnPool pool) {
    Stream s = new Stream();
    pool.newStream(s);
    return s;
  }

  @Test
  void aConnectionOpenedCountsOnceAndAReusedOneNotAgain() {
    Upstreams.InspectedSink sink = new Upstreams.InspectedSink();
    ConnPool pool = pool(sink, new Upstreams.Link());
    Stream first = stream(pool);
    sim.runUntil(MS);
    pool.onStreamDone(first.connection, false);
    Stream reuse = stream(pool);
    pool.onStreamDone(reuse.connection, false);
    assertEquals(List.of("cx_total 10.0.0.1:8080"), sink.hostConnections);
  }

  @Test
  void aRefusedAndATimedOutConnectEachCountAConnectFailure() {
    Upstreams.InspectedSink sink = refusedThenTimedOutConnect();
    assertEquals(List.of("cx_total 10.0.0.1:8080", "cx_connect_fail 10.0.0.1:8080", "cx_total 10.0.0.1:8080",
        "cx_connect_fail 10.0.0.1:8080"), sink.hostConnections);
  }

  @Test
  void aTimedOutConnectIsAConnectTimeoutAndAConnectFailureOfTheCluster() {
    Upstreams.InspectedSink sink = refusedThenTimedOutConnect();
    for (var stats : java.util.List.of(sink.shared.stats, sink.own)) {
      assertEquals(2, stats.counter(Stat.UPSTREAM_CX_TOTAL));
      assertEquals(2, stats.counter(Stat.UPSTREAM_CX_CONNECT_FAIL), "the refused connect and the timed-out one");
      assertEquals(1, stats.counter(Stat.UPSTREAM_CX_CONNECT_TIMEOUT));
    }
  }

  @Test
  void aRunThatKeepsNoOwnCountersIsNeverAsked() {
    Upstreams.Sink shared = new Upstreams.Sink();
    ClusterInfo.StatsSink plain = new ClusterInfo.StatsSink() {
      @Override
      public dev.meshsim.result.ClusterStats stats(String cluster) {
        return shared.stats(cluster);
      }

      @Override
      public boolean counting() {
        return true;
      }

      @Override
      public void outlier(String cluster, Endpoint host, boolean ejected, boolean enforced) {}

      @Override
      public void hostConnection(Host host, boolean connectFailed) {
        throw new AssertionError("asked for " + host + " in a run that keeps no per-host counters");
      }
    };
    Upstreams.Link link = new Upstreams.Link();
    link.connects = false;
    ConnPool pool = pool(plain, link);
    stream(pool);
    sim.runUntil(MS);
    assertEquals(1, link.connects(), "the connect was tried");
  }

  /** One connect refused, then one that times out, on one pool whose counts go to the sink returned. */
  private Upstreams.InspectedSink refusedThenTimedOutConnect() {
    Upstreams.InspectedSink sink = new Upstreams.InspectedSink();
    Upstreams.Link link = new Upstreams.Link();
    link.connects = false;
    ConnPool pool = pool(sink, link);
    stream(pool);
    sim.runUntil(MS);
    link.connects = true;
    link.delayNanos = 2 * CONNECT_TIMEOUT;
    stream(pool);
    sim.runUntil(MS + CONNECT_TIMEOUT);
    return sink;
  }
}
