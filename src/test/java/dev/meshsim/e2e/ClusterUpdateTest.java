package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.RunResult;
import org.junit.jupiter.api.Test;

/**
 * An endpoint (EDS) update does not reset what Envoy knows about the hosts that remain: here a
 * scale-up reaches the sidecars while a failing pod is ejected, and the pod stays ejected.
 */
class ClusterUpdateTest {
  private static final String CLUSTER = "outbound|8080||backend.default.svc.cluster.local";

  @Test
  void ejectedHostStaysEjectedAcrossAnEndpointUpdate() {
    RunResult result = Scenarios.run(Scenarios.test("outlier-ejection-eds-update"));
    ClusterStats stats = result.clusterStats().get(CLUSTER);
    // One ejection per client sidecar, each after exactly 5 errors; a detector rebuilt by the
    // update would see backend-0 healthy again and eject it a second time after 5 more.
    assertEquals(2, stats.counter("outlier_detection.ejections_enforced_total"), stats.counters().toString());
    assertEquals(10L, result.total().codes().get(503));
    assertEquals(0, stats.counter("outlier_detection.unejections_total"), "30s have not passed by t=35s");
  }
}
