package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateway API {@code ReferenceGrant}: an HTTPRoute attached to a Gateway may send to a Service of
 * another namespace only when a grant there allows it (istio {@code conversion.go} {@code
 * buildDestination}); otherwise that backend's weighted share is answered 500 by the gateway (the
 * cluster {@code UnknownService}, which no proxy has). Before, the backendRef was followed without a
 * grant and every request was 200.
 */
class ReferenceGrantTest {
  private static final Path SCENARIO = Path.of("scenarios/gateway-api/reference-grant.yaml");

  @TempDir Path dir;

  private Path variant(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String granted() throws Exception {
    return Files.readString(SCENARIO).replace("#> ", "");
  }

  @Test
  void withoutAGrantTheCrossNamespaceHalfIsAnswered500() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(SCENARIO);
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    String warning = loaded.warnings().get(0);
    assertTrue(warning.startsWith(SCENARIO + ":42:15: istio[1].spec.rules[0].backendRefs[1]: HTTPRoute"
        + " default/reviews: backendRef to Service ratings in namespace team-ratings is not permitted: no"
        + " ReferenceGrant in team-ratings allows HTTPRoutes from namespace default"), warning);
    assertTrue(warning.contains("RefNotPermitted"), warning);
    var r = Scenarios.run(loaded.scenario().withDuration(5_000_000_000L));
    TrafficStats load = r.loads().get("internet");
    long failed = load.codes().getOrDefault(500, 0L);
    long n = load.requests();
    assertEquals(n, failed + load.codes().getOrDefault(200, 0L), load.codes().toString());
    assertEquals(failed, r.total().clusters().get("UnknownService"), "every 500 is the refused backend's");
    double sigma = Math.sqrt(0.25 / n);
    assertTrue(Math.abs(failed / (double) n - 0.5) < 4 * sigma, failed + " of " + n);
  }

  @Test
  void theGrantAllowsIt() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(variant("granted.yaml", granted()));
    assertEquals(List.of(), loaded.warnings());
    TrafficStats load = Scenarios.run(loaded.scenario().withDuration(2_000_000_000L)).loads().get("internet");
    assertEquals(Map.of(200, load.requests()), load.codes());
  }

  @Test
  void aGrantForAnotherNameKindOrNamespaceDoesNot() throws Exception {
    for (String[] change : new String[][] {
        {"name: ratings}", "name: details}"},
        {"kind: Service, name: ratings", "kind: Secret, name: ratings"},
        {"kind: HTTPRoute, namespace: default", "kind: GRPCRoute, namespace: default"},
        {"namespace: default}", "namespace: shop}"},
        {"namespace: team-ratings}\n", "namespace: default}\n"}}) {
      String text = granted().replace(change[0], change[1]);
      assertTrue(!text.equals(granted()), change[0]);
      LoadedScenario loaded = ScenarioLoader.load(variant("other.yaml", text));
      assertEquals(1, loaded.warnings().size(), change[1] + ": " + loaded.warnings());
      assertTrue(loaded.warnings().get(0).contains("is not permitted"), loaded.warnings().get(0));
    }
    String anyName = granted().replace("{group: \"\", kind: Service, name: ratings}", "{group: \"\", kind: Service}");
    assertEquals(List.of(), ScenarioLoader.load(variant("any.yaml", anyName)).warnings(),
        "a to entry without name allows every Service of the namespace");
  }

  @Test
  void aMeshRouteIsNotCheckedAsIstiodDoesNotEnforceGrantsForMesh() throws Exception {
    String mesh = Files.readString(SCENARIO).replace("parentRefs: [{name: shop-gateway}]",
        "parentRefs: [{group: \"\", kind: Service, name: reviews}]")
        .replace("target: shop-gateway-istio.default:80", "target: reviews:9080").replace(" sidecar: false,", "");
    LoadedScenario loaded = ScenarioLoader.load(variant("mesh.yaml", mesh));
    assertEquals(List.of(), loaded.warnings());
  }

  @Test
  void aMalformedGrantIsPositionedExitTwo() throws Exception {
    Outcome noTo = meshsim("run", variant("bad.yaml", granted().replace("      to:\n        - {group: \"\","
        + " kind: Service, name: ratings}\n", "")).toString());
    assertEquals(2, noTo.exit(), noTo.err());
    assertTrue(noTo.err().contains("bad.yaml:47:7: istio[2].spec: missing required key \"to\""), noTo.err());
    Outcome noKind = meshsim("run", variant("bad2.yaml", granted().replace("{group: \"\", kind: Service,",
        "{group: \"\",")).toString());
    assertEquals(2, noKind.exit(), noKind.err());
    assertTrue(noKind.err().contains("istio[2].spec.to[0]"), noKind.err());
    assertTrue(!noKind.err().contains("Exception"), noKind.err());
  }

  @Test
  void analyzeReportsTheRefusedBackendAsMsh0005() throws Exception {
    Outcome o = meshsim("analyze", SCENARIO.toString(), "--no-impact");
    assertEquals(0, o.exit(), o.err());
    assertEquals("Warning [MSH0005] (HTTPRoute default/reviews) Rule default.reviews.0 has a backendRef not"
        + " accessible to an HTTPRoute in namespace default (missing a ReferenceGrant?): ResolvedRefs False, reason"
        + " RefNotPermitted\n", o.out());
    Outcome granted = meshsim("analyze", variant("granted.yaml", granted()).toString(), "--no-impact");
    assertTrue(granted.out().startsWith("\u2714 No validation issues found"), granted.out());
  }
}
