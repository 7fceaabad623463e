package dev.meshsim.mesh.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A cluster updated in place by endpoint updates, as Envoy's cluster manager does: kept hosts are the
 * same objects with their pools, gauge and ejection; removed hosts drain; new hosts start fresh.
 */
class ClusterTest {
  private static final long MS = 1_000_000;

  private final Simulation sim = new Simulation();
  private final Upstreams.Sink sink = new Upstreams.Sink();

  /** A request context with a fixed hash and no retry predicate. */
  private record Context(long computeHashKey) implements LoadBalancerContext {
    @Override
    public boolean shouldSelectAnotherHost(Host host) {
      return false;
    }

    @Override
    public int hostSelectionRetryCount() {
      return 0;
    }
  }

  private static final Context ANY = new Context(LoadBalancer.NO_HASH);

  private static ClusterSettings settings(LbPolicy lb, OutlierSettings outlier) {
    return new ClusterSettings(Thresholds.ISTIO_DEFAULT, ClusterSettings.MESH_CONNECT_TIMEOUT_NANOS, 0,
        ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS, 1, lb, outlier, 0);
  }

  private static final OutlierSettings OUTLIER = new OutlierSettings(5, 0, 10_000 * MS, 30_000 * MS,
      300_000 * MS, 100, OutlierSettings.EjectionRule.AFTER_COUNT);

  private static ClusterConfig config(ClusterSettings settings, int... endpoints) {
    return new ClusterConfig(Upstreams.CLUSTER,
        java.util.Arrays.stream(endpoints).mapToObj(Upstreams::endpoint).toList(), settings);
  }

  private Cluster cluster(ClusterConfig config) {
    return Cluster.create(config, 2, sink, sim, new RandomStreams(1), "test", e -> new Upstreams.Link());
  }

  private static Host hostOf(Cluster c, int endpoint) {
    return c.hosts().stream().filter(h -> h.endpoint().equals(Upstreams.endpoint(endpoint))).findFirst().orElse(null);
  }

  @Test
  void keptHostsKeepTheirPoolsGaugeAndEjectionRemovedOnesDrainNewOnesStartFresh() {
    ClusterSettings settings = settings(LbPolicy.ROUND_ROBIN, OUTLIER);
    Cluster c = cluster(config(settings, 0, 1, 2));
    Host kept = hostOf(c, 0);
    Host busy = hostOf(c, 1);
    Host leaving = hostOf(c, 2);
    for (int i = 0; i < 5; i++) {
      kept.outlier().putHttpResponseCode(503);
    }
    assertTrue(kept.ejected());
    ConnPool busyPool = busy.pool(1);
    busyPool.newStream(new PoolCallbacks() {
      @Override
      public void onPoolReady(Connection connection) {}

      @Override
      public void onPoolFailure(PoolFailure reason) {}
    });
    leaving.pool(0).newStream(new PoolCallbacks() {
      @Override
      public void onPoolReady(Connection connection) {
        leaving.pool(0).onStreamDone(connection, false); // done at once: the connection idles
      }

      @Override
      public void onPoolFailure(PoolFailure reason) {}
    });
    sim.runUntil(MS);
    assertEquals(2, c.breaker().connections());
    assertEquals(1, busy.activeRequests());

    c.updateHosts(config(settings, 0, 1, 3));

    assertSame(kept, hostOf(c, 0), "a kept endpoint is the same Host");
    assertTrue(kept.ejected(), "its ejection carries over");
    assertSame(busyPool, hostOf(c, 1).pool(1), "its pools carry over");
    assertEquals(1, hostOf(c, 1).activeRequests(), "and its rq_active");
    assertNull(hostOf(c, 2));
    assertEquals(1, c.breaker().connections(), "the removed host's idle connection closed");
    Host added = hostOf(c, 3);
    assertNotNull(added);
    assertFalse(added.ejected());
    assertEquals(1, c.outlierDetector().ejectedCount());
  }

  @Test
  void onlyAnEndpointChangeIsAnInPlaceUpdate() {
    Cluster c = cluster(config(settings(LbPolicy.ROUND_ROBIN, null), 0, 1));
    assertTrue(c.acceptsUpdate(config(settings(LbPolicy.ROUND_ROBIN, null), 1, 2)));
    ClusterConfig otherSettings = config(settings(LbPolicy.LEAST_REQUEST, null), 0, 1);
    assertFalse(c.acceptsUpdate(otherSettings));
    assertThrows(IllegalArgumentException.class, () -> c.updateHosts(otherSettings));
  }

  /**
   * A router holding the cluster (a retry after the update) picks from the hosts as they are now.
   * Before the Host redesign each update made a new Cluster and a request kept the version it
   * started on, so its retries went on picking removed hosts (UF instead of UH).
   */
  @Test
  void aPickAfterAnUpdateSeesTheCurrentHosts() {
    ClusterSettings settings = settings(LbPolicy.ROUND_ROBIN, null);
    Cluster c = cluster(config(settings, 0));
    assertSame(hostOf(c, 0), c.chooseHost(0, ANY));
    c.updateHosts(config(settings));
    assertNull(c.chooseHost(0, ANY), "no host left: 503 UH");
    c.updateHosts(config(settings, 5));
    assertEquals(Upstreams.endpoint(5), c.chooseHost(0, ANY).endpoint());
  }

  /**
   * The ring is built over the hosts' own addresses, so an endpoint update that adds a host puts it
   * on the ring (before, the balancer kept the first version's address list, indexed by position).
   */
  @Test
  void aHashingBalancerCoversHostsAddedByAnUpdate() {
    ClusterSettings settings = settings(LbPolicy.RING_HASH, null);
    Cluster c = cluster(config(settings, 0, 1));
    c.updateHosts(config(settings, 0, 1, 2, 3));
    Set<String> picked = new HashSet<>();
    for (int k = 0; k < 2000; k++) {
      picked.add(c.chooseHost(0, new Context(XxHash64.hash("key-" + k))).endpoint().podName());
    }
    assertEquals(Set.of("pod-0", "pod-1", "pod-2", "pod-3"), picked);
  }

  @Test
  void aRetiredClusterDrainsEveryPoolAndStopsHearingResults() {
    ClusterSettings settings = settings(LbPolicy.ROUND_ROBIN, OUTLIER);
    Cluster c = cluster(config(settings, 0, 1));
    Host h = hostOf(c, 0);
    c.retire();
    for (int i = 0; i < 5; i++) {
      h.outlier().putHttpResponseCode(503);
    }
    assertFalse(h.ejected());
    assertEquals(List.of(), sink.outlierEvents);
  }
}
