package dev.meshsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.report.fortio.LoadDescription;
import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --fortio-json} describes a paced closed loop of 4 connections at 25/s each as {@code -qps
 * 100 -c 4}, the same answer as the reports' test fixture ({@code AllOutputsDescribeTest}).
 */
class ReportOutputsDescribeTest {
  @Test
  void aPacedClosedLoopAsksForItsTotalRateOnItsConnections() throws Exception {
    var request = new HttpRequestSpec("httpbin:8000", "httpbin.default.svc.cluster.local", 8000, "GET", "/get",
        Map.of());
    LoadSpec load = new LoadSpec("paced", "default", Map.of(), request, new Arrival.Connections(4, 25), 0, true);
    var scenario = ScenarioLoader.load(Path.of("scenarios/circuit-breaking.yaml")).scenario();
    LoadDescription d = ReportOutputs.describe(scenario, load);
    assertEquals(100.0, d.requestedQps());
    assertEquals(4, d.connections());
    assertEquals("http://httpbin:8000/get", d.url());
  }
}
