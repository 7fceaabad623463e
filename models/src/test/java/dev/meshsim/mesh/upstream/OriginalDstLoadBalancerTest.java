package dev.meshsim.mesh.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * An ORIGINAL_DST cluster (envoy {@code original_dst_cluster.cc}): no endpoints, a host per distinct
 * original destination made on first use and kept by address, the pick blind to health and to the
 * retry predicate, and the 5 s sweep that drops hosts neither picked since the last sweep nor
 * connected.
 */
class OriginalDstLoadBalancerTest {
  private static final long MS = 1_000_000;
  private static final long SWEEP = OriginalDstLoadBalancer.CLEANUP_INTERVAL_NANOS;

  private final Simulation sim = new Simulation();

  /** A request whose original destination is {@code dst}; it would reject every host if asked. */
  private record To(Endpoint originalDestination) implements LoadBalancerContext {
    @Override
    public long computeHashKey() {
      return LoadBalancer.NO_HASH;
    }

    @Override
    public boolean shouldSelectAnotherHost(Host host) {
      return true;
    }

    @Override
    public int hostSelectionRetryCount() {
      return 5;
    }
  }

  private static final Endpoint EN = new Endpoint("external-en.wikipedia.org-0", "10.245.0.1", 443);
  private static final Endpoint DE = new Endpoint("external-de.wikipedia.org-0", "10.245.0.2", 443);

  private Cluster cluster(OutlierSettings outlier) {
    ClusterSettings settings = new ClusterSettings(new Thresholds(1, Thresholds.ISTIO_UNSET, Thresholds.ISTIO_UNSET,
        Thresholds.ISTIO_UNSET), ClusterSettings.MESH_CONNECT_TIMEOUT_NANOS, 0, ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS,
        1, LbPolicy.CLUSTER_PROVIDED, outlier, 0);
    ClusterConfig config = new ClusterConfig("outbound|443||*.wikipedia.org", List.of(), settings);
    return Cluster.create(config, 2, new Upstreams.Sink(), sim, new RandomStreams(1), "test", e -> new Upstreams.Link());
  }

  @Test
  void eachDistinctDestinationGetsItsOwnHostMadeOnFirstUseAndKeptByAddress() {
    Cluster c = cluster(null);
    assertEquals(List.of(), c.hosts(), "no endpoints from EDS");
    Host en = c.chooseHost(0, new To(EN));
    assertEquals(EN, en.endpoint());
    assertSame(en, c.chooseHost(1, new To(EN)), "the same address, from any worker, is the same host");
    Host de = c.chooseHost(0, new To(DE));
    assertNotSame(en, de);
    assertEquals(List.of(en, de), c.hosts());
    assertNotSame(en.pool(0), de.pool(0), "pools are per host");
    assertSame(en.cluster().breaker(), de.cluster().breaker(), "circuit breakers are the cluster's");
    assertNull(c.chooseHost(0, new To(null)), "no original destination: no host (503 UH)");
  }

  @Test
  void thePickIgnoresEjectionAndTheRetryHostPredicate() {
    OutlierSettings od = new OutlierSettings(1, 0, 10_000 * MS, 30_000 * MS, 300_000 * MS, 100,
        OutlierSettings.EjectionRule.AFTER_COUNT);
    Cluster c = cluster(od);
    Host en = c.chooseHost(0, new To(EN));
    c.chooseHost(0, new To(DE));
    en.outlier().putHttpResponseCode(503);
    assertTrue(en.ejected(), "outlier detection still counts and ejects");
    assertSame(en, c.chooseHost(0, new To(EN)), "but the destination is the destination");
  }

  @Test
  void aSweepDropsHostsNotPickedSinceTheLastOneAndWithoutConnections() {
    Cluster c = cluster(null);
    Host en = c.chooseHost(0, new To(EN));
    Host de = c.chooseHost(0, new To(DE));
    de.pool(0).newStream(new PoolCallbacks() {
      @Override
      public void onPoolReady(Connection connection) {} // keeps its connection busy

      @Override
      public void onPoolFailure(PoolFailure reason) {}
    });
    sim.runUntil(SWEEP + MS);
    assertEquals(List.of(en, de), c.hosts(), "a host picked before the first sweep survives it");
    sim.runUntil(2 * SWEEP + MS);
    assertEquals(List.of(de), c.hosts(), "unpicked for a whole interval and idle: gone; connected: kept");
    Host again = c.chooseHost(0, new To(EN));
    assertNotSame(en, again, "a destination that comes back gets a new host");
    assertEquals(List.of(de, again), c.hosts());
  }

  @Test
  void anEndpointUpdateKeepsTheHostsRequestsMade() {
    Cluster c = cluster(null);
    Host en = c.chooseHost(0, new To(EN));
    c.updateHosts(new ClusterConfig(c.name(), List.of(), c.config().settings()));
    assertEquals(List.of(en), c.hosts(), "an ORIGINAL_DST cluster has no EDS to empty it");
  }

  /**
   * Whatever the destinations and the order and workers of the picks, before any sweep: every pick
   * is a host at its own destination, one host per distinct destination, in first-pick order.
   */
  @Property(tries = 200)
  void eachDistinctDestinationIsExactlyOneHostAtThatAddress(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 9) Integer> destinations,
      @ForAll @IntRange(min = 0, max = 1) int worker) {
    Cluster c = new OriginalDstLoadBalancerTest().cluster(null);
    java.util.Map<Endpoint, Host> first = new java.util.LinkedHashMap<>();
    for (int d : destinations) {
      Endpoint dst = new Endpoint("external-" + d, "10.245.0." + d, 443);
      Host h = c.chooseHost(worker, new To(dst));
      assertEquals(dst, h.endpoint());
      assertSame(first.computeIfAbsent(dst, k -> h), h);
    }
    assertEquals(List.copyOf(first.values()), c.hosts());
  }
}
