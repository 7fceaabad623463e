package dev.meshsim.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Scenario;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants over generated meshes (random services, call graphs, subsets, VirtualServices that may
 * name missing subsets, open and closed loads, with and without sidecars): every request ends
 * exactly once (a second end throws inside the model), with exactly one code and one flag, and the
 * code agrees with the flag as Envoy pairs them.
 */
class RequestLifecycleTest {
  private static final Map<String, Set<Integer>> CODES_BY_FLAG = Map.of(
      "-", Set.of(200, 500, 503),
      "NR", Set.of(404),
      "NC", Set.of(503),
      "UH", Set.of(503));

  @Property(tries = 60)
  void everyRequestEndsExactlyOnceWithOneCodeAndFlag(@ForAll("meshes") Scenario scenario) {
    MeshSimulation simulation = new MeshSimulation(scenario);
    RunResult result = simulation.run();
    Lifecycle.assertEveryRequestEndsOnce(simulation, result);
    TrafficStats total = result.total();
    for (TrafficStats load : result.loads().values()) {
      for (String flag : load.flags().keySet()) {
        assertTrue(CODES_BY_FLAG.containsKey(flag), "unexpected flag " + flag);
      }
      if (load.flags().keySet().equals(Set.of("NR"))) {
        assertEquals(Set.of(404), load.codes().keySet());
      }
    }
    for (int code : total.codes().keySet()) {
      assertTrue(Set.of(200, 404, 500, 503).contains(code), "unexpected code " + code);
    }
  }

  /**
   * The same over TCP ports (tcp_proxy, tcp routes, missing subsets): every request ends once with
   * one code and one flag; a connection Envoy closed has code 0 and a tcp_proxy flag, an answered
   * one the app's code and no flag; and each cluster carries at most one pool stream per upstream
   * connection (tcp_proxy never shares one).
   */
  @Property(tries = 40)
  void overTcpEveryRequestEndsOnceAndEachConnectionCarriesOneStream(@ForAll("tcpMeshes") Scenario scenario) {
    MeshSimulation simulation = new MeshSimulation(scenario);
    RunResult result = simulation.run();
    Lifecycle.assertEveryRequestEndsOnce(simulation, result);
    Set<String> tcpFlags = Set.of("-", "NC", "UH", "UO", "UF,URX", "UR");
    for (TrafficStats load : result.loads().values()) {
      assertTrue(tcpFlags.containsAll(load.flags().keySet()), "unexpected flags " + load.flags());
    }
    for (int code : result.total().codes().keySet()) {
      assertTrue(Set.of(0, 200, 500, 503).contains(code), "unexpected code " + code);
    }
    result.clusterStats().forEach((name, stats) -> assertTrue(
        stats.counter("upstream_rq_total") <= stats.counter("upstream_cx_total"), name + ": " + stats));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Scenario> tcpMeshes() {
    return MeshArbitraries.tcpScenarios();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Scenario> meshes() {
    return MeshArbitraries.scenarios();
  }
}
