package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.mesh.UpstreamPeaks;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Istio egress-gateway task (HTTP): with its ServiceEntry, Gateway, DestinationRule and
 * VirtualService, the sleep pod's calls to edition.cnn.com go to the egress gateway's pods, whose
 * Envoys send them on to the external host; without the VirtualService they go straight out. Before,
 * {@code egressGateway} was an unknown key and nothing could stand for the gateway's pods.
 */
class EgressGatewayTest {
  private static final String SCENARIO = "scenarios/egress/egress-gateway.yaml";
  private static final String TO_GATEWAY = "outbound|80|cnn|istio-egressgateway.istio-system.svc.cluster.local";
  private static final String TO_CNN = "outbound|80||edition.cnn.com";
  private static final long MS = 1_000_000L;

  @TempDir Path dir;

  private RunResult run(String from, String to) throws Exception {
    String text = Files.readString(Path.of(SCENARIO));
    assertTrue(text.contains(from), from);
    Path file = dir.resolve("egress-" + Integer.toHexString(to.hashCode()) + ".yaml");
    Files.writeString(file, text.replace(from, to).replace("duration: 20s", "duration: 5s"));
    return Scenarios.run(ScenarioLoader.load(file).scenario());
  }

  @Test
  void theSidecarsCallsLeaveThroughTheGatewaysPods() throws Exception {
    RunResult r = run("egressGateway: {enabled: true}", "egressGateway: {enabled: true, replicas: 2}");
    TrafficStats sleep = r.loads().get("sleep");
    assertEquals(Map.of(200, sleep.requests()), sleep.codes());
    assertEquals(Map.of(TO_GATEWAY, sleep.requests()), sleep.clusters(), "the sidecar routes to the gateway");
    assertEquals(sleep.requests(), r.clusterStats().get(TO_CNN).counter("upstream_rq_total"),
        "each request leaves once, from a gateway's Envoy");
  }

  @Test
  void eachGatewayPodsEnvoyCarriesTheCallsOutAndTheSleepPodNone() throws Exception {
    Path file = dir.resolve("two.yaml");
    Files.writeString(file, Files.readString(Path.of(SCENARIO))
        .replace("egressGateway: {enabled: true}", "egressGateway: {enabled: true, replicas: 2}")
        .replace("poisson: 20/s", "poisson: 400/s").replace("duration: 20s", "duration: 3s"));
    MeshSimulation sim = new MeshSimulation(ScenarioLoader.load(file).scenario());
    sim.run();
    Map<String, Long> outBy = new TreeMap<>();
    Map<String, Long> toGatewayBy = new TreeMap<>();
    for (UpstreamPeaks p : sim.upstreamPeaks()) {
      if (p.cluster().equals(TO_CNN)) {
        outBy.merge(p.sidecar(), p.requests(), Math::max);
      } else if (p.cluster().equals(TO_GATEWAY)) {
        toGatewayBy.merge(p.sidecar(), p.requests(), Math::max);
      }
    }
    assertEquals(java.util.Set.of("istio-egressgateway-0", "istio-egressgateway-1"), outBy.keySet(),
        "only the gateway's Envoys call edition.cnn.com: " + outBy);
    assertTrue(outBy.values().stream().allMatch(n -> n > 1), "both carry concurrent requests: " + outBy);
    assertEquals(java.util.Set.of("sleep"), toGatewayBy.keySet(), "the sleep pod's sidecar sends to the gateway");
  }

  @Test
  void withoutTheVirtualServiceTheCallsGoDirectAndFaster() throws Exception {
    String constant = "latency: 40ms}";
    String lognormal = "latency: {distribution: lognormal, median: 40ms, sigma: 0.3}}";
    RunResult through = run(lognormal, constant);
    String text = Files.readString(Path.of(SCENARIO)).replace(lognormal, constant);
    String withoutVs = text.substring(0, text.indexOf("  - apiVersion: networking.istio.io/v1\n    kind: VirtualService"))
        + text.substring(text.indexOf("load:"));
    Path file = dir.resolve("direct.yaml");
    Files.writeString(file, withoutVs.replace("duration: 20s", "duration: 5s"));
    RunResult direct = Scenarios.run(ScenarioLoader.load(file).scenario());
    TrafficStats sleep = direct.loads().get("sleep");
    assertEquals(Map.of(200, sleep.requests()), sleep.codes());
    assertEquals(Map.of(TO_CNN, sleep.requests()), sleep.clusters());
    assertFalse(direct.clusterStats().containsKey(TO_GATEWAY));
    double hop = through.loads().get("sleep").latency().getMean() - sleep.latency().getMean();
    assertTrue(hop > 1.0 * MS && hop < 5.0 * MS, "the gateway's two Envoy passes and network hops: " + hop / MS + " ms");
  }
}
