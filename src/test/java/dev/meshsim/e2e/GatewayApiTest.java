package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gateway API HTTPRoute with a Service parent (GAMMA), translated as istiod does: weights are
 * honoured (before, the kind was ignored and traffic spread evenly over the parent's own pods),
 * PathPrefix matches whole path segments, and the more specific rule wins over an earlier one.
 */
class GatewayApiTest {
  private static final String V1 = "outbound|9080||reviews-v1.default.svc.cluster.local";
  private static final String V2 = "outbound|9080||reviews-v2.default.svc.cluster.local";

  private static RunResult run() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(Path.of("src/test/resources/scenarios/gateway-api/httproute-90-10.yaml"));
    assertEquals(java.util.List.of(), loaded.warnings());
    return Scenarios.run(loaded.scenario());
  }

  @Test
  void ninetyTenIsHonouredWithinABinomialBound() throws Exception {
    TrafficStats split = run().loads().get("split");
    long n = split.requests();
    long v2 = split.clusters().getOrDefault(V2, 0L);
    assertEquals(n, split.clusters().getOrDefault(V1, 0L) + v2, "only the two backends: " + split.clusters());
    double sigma = Math.sqrt(n * 0.1 * 0.9);
    assertTrue(n > 3000, "n = " + n);
    assertTrue(Math.abs(v2 - 0.1 * n) < 4 * sigma, "v2 got " + v2 + " of " + n + "; expected 10% +- 4 sigma");
    assertEquals(Map.of(200, n), split.codes());
  }

  @Test
  void pathPrefixMatchesPathSegmentsAndOutranksTheCatchAllRule() throws Exception {
    RunResult r = run();
    for (String load : new String[] {"v2-segment", "v2-exact"}) {
      TrafficStats s = r.loads().get(load);
      assertEquals(Map.of(V2, s.requests()), s.clusters(), load);
    }
    TrafficStats other = r.loads().get("not-a-segment");
    assertTrue(other.clusters().getOrDefault(V1, 0L) > other.requests() / 2,
        "/v2x is not under the /v2 prefix: it takes the 90/10 rule " + other.clusters());
  }

  @org.junit.jupiter.api.io.TempDir Path dir;

  private Path edited(String from, String to) throws Exception {
    Path src = Path.of("src/test/resources/scenarios/gateway-api/httproute-90-10.yaml");
    Path file = dir.resolve("route.yaml");
    String text = java.nio.file.Files.readString(src);
    assertTrue(text.contains(from), from);
    java.nio.file.Files.writeString(file, text.replace(from, to));
    return file;
  }

  @Test
  void aBadPathTypeIsAPositionedError() throws Exception {
    Path file = edited("type: PathPrefix", "type: Prefix");
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.meshsim.scenario.ScenarioException.class,
        () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().matches("(?s).*route\\.yaml:\\d+:\\d+: istio\\[0\\]\\.spec\\.rules\\[1\\]\\.matches\\[0\\]"
        + "\\.path\\.type: .*Exact, PathPrefix or RegularExpression.*"), e.getMessage());
  }

  @Test
  void aParentGatewayThatIsNotDefinedIsWarnedAboutNotDropped() throws Exception {
    Path file = edited("{group: \"\", kind: Service, name: reviews, port: 9080}", "{name: bookinfo-gateway}");
    LoadedScenario loaded = ScenarioLoader.load(file);
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(loaded.warnings().get(0).matches(".*route\\.yaml:\\d+:\\d+: istio\\[0\\]\\.spec\\.parentRefs\\[0\\]:"
        + " HTTPRoute default/reviews: no Gateway default/bookinfo-gateway of class istio is defined.*"),
        loaded.warnings().get(0));
  }

  @Test
  void aBackendThatIsNoServiceIsWarnedAbout() throws Exception {
    Path file = edited("{name: reviews-v2, port: 9080}", "{name: reviews-v9, port: 9080}");
    LoadedScenario loaded = ScenarioLoader.load(file);
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(loaded.warnings().get(0).matches(".*route\\.yaml:\\d+:\\d+: istio\\[0\\]\\.spec\\.rules\\[1\\]"
        + "\\.backendRefs\\[0\\]: host reviews-v9\\.default\\.svc\\.cluster\\.local is no service of this scenario.*503 NC"),
        loaded.warnings().get(0));
  }
}
