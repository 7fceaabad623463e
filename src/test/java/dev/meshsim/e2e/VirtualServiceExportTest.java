package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import dev.meshsim.result.RunResult;
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
 * A root VirtualService's {@code exportTo} (and meshConfig's {@code defaultVirtualServiceExportTo}),
 * as istiod indexes VirtualServices per namespace: a namespace it is not exported to does not get
 * its routes. Before, exportTo applied to delegates only and was warned about on roots: prod
 * followed the route to v2 too.
 */
class VirtualServiceExportTest {
  private static final String BASE = "src/test/resources/scenarios/export-to-vs.yaml";
  private static final String V1 = "outbound|9080||reviews.default.svc.cluster.local";
  private static final String V2 = "outbound|9080|v2|reviews.default.svc.cluster.local";

  @TempDir Path dir;

  private static void assertNamespacesSplit(LoadedScenario loaded) {
    RunResult r = Scenarios.run(loaded.scenario());
    TrafficStats fromDefault = r.loads().get("from-default");
    TrafficStats fromProd = r.loads().get("from-prod");
    assertEquals(Map.of(V2, fromDefault.requests()), fromDefault.clusters(), "default sees the VirtualService");
    assertEquals(Map.of(V1, fromProd.requests()), fromProd.clusters(), "prod takes the default route");
    List<String> w = loaded.warnings();
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).matches(".*\\.yaml:\\d+:\\d+: istio\\.resources\\[1\\]\\.metadata\\.name: VirtualService"
        + " default/reviews does not apply to calls to reviews\\.default\\.svc\\.cluster\\.local from namespace prod:"
        + " its exportTo \\[\\.\\] does not include prod; there the calls take the default route"), w.get(0));
  }

  @Test
  void aVirtualServiceExportedToItsNamespaceIsNotSeenFromAnother() throws Exception {
    assertNamespacesSplit(ScenarioLoader.load(Path.of(BASE)));
  }

  @Test
  void meshConfigsDefaultAppliesToVirtualServicesWithoutExportTo() throws Exception {
    String text = Files.readString(Path.of(BASE)).replace("        exportTo: [\".\"]\n", "")
        .replace("    outboundTrafficPolicy: {mode: ALLOW_ANY}\n",
            "    outboundTrafficPolicy: {mode: ALLOW_ANY}\n    defaultVirtualServiceExportTo: [\".\"]\n");
    assertNamespacesSplit(ScenarioLoader.load(Files.writeString(dir.resolve("default.yaml"), text)));
  }

  @Test
  void exportingToProdOrEverywhereKeepsTheRoute() throws Exception {
    for (String to : new String[] {"[\".\", prod]", "[\"*\"]"}) {
      String text = Files.readString(Path.of(BASE)).replace("exportTo: [\".\"]", "exportTo: " + to);
      LoadedScenario loaded = ScenarioLoader.load(Files.writeString(dir.resolve("to.yaml"), text));
      TrafficStats fromProd = Scenarios.run(loaded.scenario()).loads().get("from-prod");
      assertEquals(Map.of(V2, fromProd.requests()), fromProd.clusters(), to);
      assertEquals(List.of(), loaded.warnings());
    }
  }

  @Test
  void aBadDefaultIsExitTwoWithItsPosition() throws Exception {
    String text = Files.readString(Path.of(BASE)).replace("    outboundTrafficPolicy: {mode: ALLOW_ANY}\n",
        "    outboundTrafficPolicy: {mode: ALLOW_ANY}\n    defaultVirtualServiceExportTo: [\"*\", prod]\n");
    Outcome bad = meshsim("run", Files.writeString(dir.resolve("bad.yaml"), text).toString());
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("bad.yaml:16:5: istio.meshConfig.defaultVirtualServiceExportTo:"
        + " defaultVirtualServiceExportTo \"*\" (every namespace) cannot be combined"), bad.err());
  }
}
