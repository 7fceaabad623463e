package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.mesh.UpstreamPeaks;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ServiceEntry with a {@code workloadSelector}: its endpoints are the pods of its namespace the
 * selector matches, so the host is routable under REGISTRY_ONLY and a DestinationRule's subsets
 * select among those pods. Before, the selector was warned about and the host had no endpoint (and
 * no load could target it).
 */
class ServiceEntrySelectorTest {
  private static final String SCENARIO = "src/test/resources/scenarios/egress/workload-selector.yaml";

  @TempDir Path dir;

  @Test
  void theEntrysEndpointsAreTheSelectedPods() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(Path.of(SCENARIO));
    assertEquals(List.of(), loaded.warnings());
    MeshSimulation sim = new MeshSimulation(loaded.scenario());
    RunResult r = sim.run();
    TrafficStats any = r.loads().get("any");
    assertEquals(Map.of(200, any.requests()), any.codes());
    assertEquals(Map.of("outbound|5000||db.internal", any.requests()), any.clusters());
    TrafficStats v2 = r.loads().get("v2");
    assertEquals(Map.of("outbound|5000|v2|db.internal", v2.requests()), v2.clusters());
    Map<String, Integer> hosts = new TreeMap<>();
    for (UpstreamPeaks p : sim.upstreamPeaks()) {
      hosts.merge(p.cluster(), p.hosts(), Math::max);
    }
    assertEquals(3, hosts.get("outbound|5000||db.internal"), "db-v1 x2 and db-v2, not cache");
    assertEquals(1, hosts.get("outbound|5000|v2|db.internal"), "the subset's labels pick db-v2");
  }

  @Test
  void aSelectorThatMatchesNothingLeavesTheHostWithoutEndpoints() throws Exception {
    String text = Files.readString(Path.of(SCENARIO)).replace("workloadSelector: {labels: {app: db}}",
        "workloadSelector: {labels: {app: nothing}}");
    TrafficStats any = Scenarios.run(ScenarioLoader.load(Files.writeString(dir.resolve("none.yaml"), text))
        .scenario()).loads().get("any");
    assertEquals(Map.of(503, any.requests()), any.codes());
    assertEquals(Map.of("UH", any.requests()), any.flags());
  }

  @Test
  void aSelectorWithEndpointsIsExitTwo() throws Exception {
    String text = Files.readString(Path.of(SCENARIO)).replace("        workloadSelector: {labels: {app: db}}\n",
        "        workloadSelector: {labels: {app: db}}\n        endpoints: [{address: 10.0.0.1}]\n");
    Outcome bad = meshsim("run", Files.writeString(dir.resolve("bad.yaml"), text).toString());
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("istio.resources[0].spec.workloadSelector: only one of workloadSelector or"
        + " endpoints is allowed"), bad.err());
  }

  /** Apps' calls may name the entry's host too (before, only loads could: calls were bound first). */
  @Test
  void anAppsCallsMayTargetTheEntrysHost() throws Exception {
    String text = Files.readString(Path.of(SCENARIO))
        .replace("services:\n", "services:\n  - name: api\n    ports: [{name: http, port: 8080}]\n"
            + "    deployments: [{name: api, labels: {app: api}, workers: 8, serviceTime: 1ms,"
            + " calls: [{target: db.internal:5000}]}]\n")
        .replace("load:\n", "load:\n  - {name: to-api, target: api:8080, arrival: {poisson: 50/s}}\n");
    LoadedScenario loaded = ScenarioLoader.load(Files.writeString(dir.resolve("calls.yaml"), text));
    assertEquals(List.of(), loaded.warnings());
    RunResult r = Scenarios.run(loaded.scenario());
    TrafficStats api = r.loads().get("to-api");
    assertTrue(api.requests() > 150, "requests: " + api.requests());
    assertEquals(Map.of(200, api.requests()), api.codes());
    long viaEntry = r.clusterStats().get("outbound|5000||db.internal")
        .counter(dev.meshsim.result.ClusterStats.Stat.UPSTREAM_RQ_TOTAL);
    assertEquals(r.loads().get("any").requests() + api.requests(), viaEntry, "api's calls join the load's");
  }

  /** A call from a selected pod back to the entry's host is a cycle through the entry: rejected. */
  @Test
  void aCallCycleThroughTheEntryIsExitTwo() throws Exception {
    String text = Files.readString(Path.of(SCENARIO)).replace(
        "{name: db-v2, labels: {app: db, version: v2}, workers: 8, serviceTime: 1ms}",
        "{name: db-v2, labels: {app: db, version: v2}, workers: 8, serviceTime: 1ms, calls: [{target: db.internal:5000}]}");
    Outcome bad = meshsim("run", Files.writeString(dir.resolve("cycle.yaml"), text).toString());
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().matches("(?s).*cycle\\.yaml:\\d+:\\d+: .*call cycle db\\.default → db\\.internal → db\\.default.*"),
        bad.err());
  }
}
