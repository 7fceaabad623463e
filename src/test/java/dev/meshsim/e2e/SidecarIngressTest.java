package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Sidecar's {@code ingress} listeners: validated as istiod validates them (positioned errors,
 * exit 2) and, since meshsim keeps the inbound listeners istiod builds without them, warned about
 * once per listener with what istiod would build instead. Before, the whole block had one
 * "not modelled" line and an invalid listener passed.
 */
class SidecarIngressTest {
  private static final String BASE = "src/test/resources/scenarios/sidecar/scope.yaml";
  private static final String EGRESS = "      egress:\n";

  @TempDir Path dir;

  private Path withIngress(String ingress) throws Exception {
    String text = Files.readString(Path.of(BASE));
    assertTrue(text.contains(EGRESS));
    Path file = dir.resolve("ingress-" + Math.abs(ingress.hashCode()) + ".yaml");
    Files.writeString(file, text.replace(EGRESS, "      ingress:\n" + ingress + EGRESS));
    return file;
  }

  @Test
  void eachListenerIsWarnedAboutWithWhatIstiodWouldBuild() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(withIngress(
        "        - {port: {number: 9080, protocol: HTTP, name: http}, defaultEndpoint: 127.0.0.1:8080}\n"));
    java.util.List<String> ingress = loaded.warnings().stream().filter(w -> w.contains(".spec.ingress")).toList();
    assertEquals(1, ingress.size(), loaded.warnings().toString());
    assertTrue(ingress.get(0).matches(".*:\\d+:\\d+: istio\\[1\\]\\.spec\\.ingress\\[0\\]: Sidecar ingress"
        + " listener on port 9080 to 127.0.0.1:8080 is not modelled yet: meshsim keeps istiod's inbound listeners.*"),
        ingress.get(0));
  }

  @Test
  void aDefaultEndpointOffTheLoopbackIsAPositionedError() throws Exception {
    Path file = withIngress("        - {port: {number: 9080, protocol: HTTP}, defaultEndpoint: 10.0.0.1:8080}\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().matches("(?s).*ingress-\\d+\\.yaml:\\d+:\\d+: istio\\[1\\]\\.spec\\.ingress\\[0\\]\\.defaultEndpoint:"
        + " sidecar: defaultEndpoint must be of form 127\\.0\\.0\\.1:<port>.*"), e.getMessage());
  }

  @Test
  void aRepeatedPortOrATargetPortIsRejectedAsIstiodDoes() throws Exception {
    Path twice = withIngress("        - {port: {number: 9080, protocol: HTTP}}\n        - {port: {number: 9080, protocol: TCP}}\n");
    assertTrue(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(twice)).getMessage()
        .contains("spec.ingress[1].port.number: sidecar: ports on IP bound listeners must be unique"));
    Path target = withIngress("        - {port: {number: 9080, protocol: HTTP, targetPort: 8080}}\n");
    assertTrue(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(target)).getMessage()
        .contains("spec.ingress[0].port.targetPort: targetPort has no impact on Sidecars"));
  }
}
