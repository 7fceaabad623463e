package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's trouble 6, mesh half: a VirtualService bound only to a gateway does not apply to
 * sidecars (mesh calls take the default route, over every pod), and the loader says so; with
 * {@code mesh} added it applies again.
 */
class GatewayBindingTest {
  private static final Path SCENARIO = Path.of("scenarios/troubles/06-gateway-binding.yaml");
  private static final String V2 = "outbound|9080|v2|reviews.default.svc.cluster.local";
  private static final String DEFAULT = "outbound|9080||reviews.default.svc.cluster.local";

  @TempDir Path dir;

  @Test
  void aGatewayOnlyVirtualServiceIsIgnoredBySidecarsWithAWarning() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(SCENARIO);
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(loaded.warnings().get(0).matches(".*06-gateway-binding\\.yaml:\\d+:\\d+: istio\\[1\\]\\.spec"
        + "\\.gateways: VirtualService default/reviews is bound only to gateways \\[bookinfo-gateway\\]: sidecars"
        + " do not use it.*"), loaded.warnings().get(0));
    TrafficStats s = Scenarios.run(loaded.scenario()).loads().get("productpage");
    assertEquals(Map.of(DEFAULT, s.requests()), s.clusters(), "the default route, not the v2 subset");
  }

  @Test
  void withMeshAddedTheSidecarsUseItAgain() throws Exception {
    Path fixed = dir.resolve("fixed.yaml");
    Files.writeString(fixed, Files.readString(SCENARIO)
        .replace("gateways: [bookinfo-gateway]", "gateways: [bookinfo-gateway, mesh]"));
    LoadedScenario loaded = ScenarioLoader.load(fixed);
    assertEquals(java.util.List.of(), loaded.warnings());
    TrafficStats s = Scenarios.run(loaded.scenario()).loads().get("productpage");
    assertEquals(Map.of(V2, s.requests()), s.clusters());
  }
}
