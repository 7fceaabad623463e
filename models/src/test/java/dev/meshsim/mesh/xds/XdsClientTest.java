package dev.meshsim.mesh.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.mesh.upstream.ClusterSettings;
import dev.meshsim.mesh.upstream.LbPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sidecar's xDS state: per-type versions, warming, what the router sees. */
class XdsClientTest {
  private static final ClusterSettings SETTINGS = ClusterSettings.istioDefaults(LbPolicy.LEAST_REQUEST);
  private static final ClusterConfig V1 = new ClusterConfig("outbound|9080|v1|r", List.of(), SETTINGS);
  private static final ClusterConfig V2 = new ClusterConfig("outbound|9080|v2|r", List.of(), SETTINGS);

  private static ProxyConfig config(ClusterConfig... clusters) {
    Map<String, ClusterConfig> map = new LinkedHashMap<>();
    for (ClusterConfig c : clusters) {
      map.put(c.name(), c);
    }
    return new ProxyConfig(new RouteConfiguration(Map.of()), map);
  }

  @Test
  void aProxyRunningFromTimeZeroHasVersionZeroOfEverything() {
    XdsClient c = new XdsClient(config(V1));
    assertTrue(c.ready());
    assertTrue(c.listening());
    assertEquals(0, c.minVersion());
    assertSame(V1, c.cluster(V1.name()));
    assertNull(c.cluster(V2.name()), "a cluster it does not have: NC");
  }

  @Test
  void aNewClusterWarmsUntilItsEndpointsArrive() {
    XdsClient c = new XdsClient(config(V1));
    assertTrue(c.applyCds(1, config(V1, V2)), "v2 needs endpoints");
    assertEquals(List.of(V2.name()), c.warmingClusters());
    assertNull(c.cluster(V2.name()), "warming clusters are not visible to the router");
    assertSame(V1, c.cluster(V1.name()), "the others keep serving");
    assertFalse(c.ready());
    c.applyEds(1, config(V1, V2));
    assertSame(V2, c.cluster(V2.name()));
    assertTrue(c.ready());
  }

  @Test
  void anEdsThatArrivedBeforeTheClusterDoesNotWarmIt() {
    XdsClient c = new XdsClient(config(V1));
    c.applyEds(1, config(V1, V2)); // independent streams: EDS first, but Envoy did not watch v2 yet
    c.applyCds(1, config(V1, V2));
    assertNull(c.cluster(V2.name()));
    c.applyEds(1, config(V1, V2)); // the answer to Envoy's request for v2's endpoints
    assertSame(V2, c.cluster(V2.name()));
  }

  @Test
  void routesCanOvertakeClusters() {
    XdsClient c = new XdsClient(config(V1));
    c.applyRds(2, config(V1, V2));
    assertEquals(2, c.version(XdsType.RDS));
    assertEquals(0, c.version(XdsType.CDS));
    assertNull(c.cluster(V2.name()));
  }

  @Test
  void aRemovedClusterIsGoneAtOnce() {
    XdsClient c = new XdsClient(config(V1, V2));
    c.applyCds(1, config(V1));
    assertNull(c.cluster(V2.name()));
  }

  @Test
  void versionsOnlyMoveForward() {
    XdsClient c = new XdsClient(config(V1));
    c.applyEds(3, config(V1));
    assertThrows(IllegalStateException.class, () -> c.applyEds(2, config(V1)));
  }

  @Test
  void aStartingEnvoyHasNothingUntilItsFirstConfig() {
    XdsClient c = XdsClient.unconfigured();
    assertFalse(c.listening());
    assertFalse(c.ready());
    assertNotNull(c.routes());
    assertNull(c.cluster(V1.name()));
    c.applyCds(5, config(V1));
    c.applyEds(5, config(V1));
    c.applyLds(5);
    assertFalse(c.ready(), "no routes yet");
    c.applyRds(5, config(V1));
    assertTrue(c.ready());
    c.stop();
    assertFalse(c.listening());
    assertEquals(XdsClient.NONE, c.version(XdsType.CDS));
  }

  /**
   * The sidecar keeps its resolved clusters while {@code clusterChanges} stays put: every update
   * that can change {@code cluster}'s answer (CDS, EDS, stop) must move it, and LDS/RDS need not.
   */
  @Test
  void everyUpdateThatCanChangeTheClustersMovesTheChangeCount() {
    XdsClient c = new XdsClient(config(V1));
    long before = c.clusterChanges();
    c.applyCds(1, config(V1, V2));
    long afterCds = c.clusterChanges();
    assertTrue(afterCds != before, "CDS");
    assertNull(c.cluster(V2.name()));
    c.applyEds(1, config(V1, V2));
    long afterEds = c.clusterChanges();
    assertTrue(afterEds != afterCds, "EDS: v2 became warm, so the answer changed");
    assertSame(V2, c.cluster(V2.name()));
    c.applyRds(1, config(V1, V2));
    c.applyLds(1);
    assertEquals(afterEds, c.clusterChanges(), "routes and listeners do not change clusters");
    c.stop();
    assertTrue(c.clusterChanges() != afterEds, "stop");
    assertNull(c.cluster(V1.name()));
  }
}
