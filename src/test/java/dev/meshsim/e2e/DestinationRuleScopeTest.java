package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.report.JsonReport;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which DestinationRule applies where, as istiod decides: wildcard hosts (most specific wins) and
 * exportTo. Both were dropped without a word before: the wildcard rule was never applied, and an
 * exported-away rule applied everywhere.
 */
class DestinationRuleScopeTest {

  @Test
  void aMeshWideWildcardRuleAppliesAsTheExactOneDoes() {
    for (long seed : new long[] {1, 2}) {
      String wildcard = JsonReport.toJson(Scenarios.run(Scenarios.test("wildcard-dr").withSeed(seed)));
      String exact = JsonReport.toJson(Scenarios.run(Scenarios.load("scenarios/circuit-breaking.yaml").withSeed(seed)));
      assertEquals(exact, wildcard, "seed " + seed);
      assertTrue(wildcard.contains("\"UO\""), "the wildcard rule's connection limits trip");
    }
  }

  @Test
  void aRuleExportedToItsOwnNamespaceLeavesOtherClientsWithout503Nc() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(Path.of("src/test/resources/scenarios/export-to.yaml"));
    List<String> w = loaded.warnings();
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).matches(".*export-to\\.yaml:\\d+:\\d+: istio\\[0\\]\\.metadata\\.name: DestinationRule"
        + " default/reviews does not apply to calls to reviews\\.default\\.svc\\.cluster\\.local from namespace prod:"
        + " its exportTo \\[\\.\\] does not include prod; .*503 NC.*"), w.get(0));
    RunResult r = Scenarios.run(loaded.scenario());
    TrafficStats fromDefault = r.loads().get("from-default");
    TrafficStats fromProd = r.loads().get("from-prod");
    assertEquals(Map.of(200, fromDefault.requests()), fromDefault.codes(), "default sees the subset");
    assertEquals(Map.of(503, fromProd.requests()), fromProd.codes(), "prod does not");
    assertEquals(Map.of("NC", fromProd.requests()), fromProd.flags());
  }
}
