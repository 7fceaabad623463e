package dev.meshsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.report.fortio.LoadDescription;
import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.LoadSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fixture describes a load to fortio as {@code meshsim run --fortio-json} does: a paced closed
 * loop of 4 connections at 25/s each asks for {@code -qps 100 -c 4} (the fixture's own copy once said
 * {@code -qps 0} for every closed loop; both now read the arrival's fortio terms).
 */
class AllOutputsDescribeTest {
  @Test
  void aPacedClosedLoopAsksForItsTotalRateOnItsConnections() throws Exception {
    var request = new HttpRequestSpec("httpbin:8000", "httpbin.default.svc.cluster.local", 8000, "GET", "/get",
        Map.of());
    LoadSpec load = new LoadSpec("paced", "default", Map.of(), request, new Arrival.Connections(4, 25), 0, true);
    LoadDescription d = AllOutputs.describe(Runs.scenario("circuit-breaking", 0), load);
    assertEquals(100.0, d.requestedQps());
    assertEquals(4, d.connections());
    assertEquals("http://httpbin:8000/get", d.url());
  }
}
