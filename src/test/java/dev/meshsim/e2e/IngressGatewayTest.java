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
 * Ingress through {@code istio-ingressgateway}: a Gateway server on a port of the gateway's Service
 * and a VirtualService bound to the Gateway route the requests; the seed's trouble 5 (a server port
 * the Service lacks: refused) and the gateway half of trouble 6 (a VirtualService not bound to the
 * Gateway: 404 at the gateway).
 */
class IngressGatewayTest {
  private static final Path TROUBLE_5 = Path.of("scenarios/troubles/05-gateway-port.yaml");
  private static final long MS = 1_000_000L;

  @TempDir Path dir;

  private TrafficStats run(String from, String to) throws Exception {
    Path file = dir.resolve("ingress.yaml");
    String text = Files.readString(TROUBLE_5);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to));
    LoadedScenario loaded = ScenarioLoader.load(file);
    return Scenarios.run(loaded.scenario()).loads().get("internet");
  }

  @Test
  void aServerPortTheServiceLacksReceivesNothingAndPort80IsRefused() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(TROUBLE_5);
    assertTrue(loaded.warnings().stream().anyMatch(w -> w.matches(".*05-gateway-port\\.yaml:\\d+:\\d+:"
        + " istio\\[0\\]\\.spec\\.servers\\[0\\]\\.port\\.number: server port 8080 is not a port of Service"
        + " istio-ingressgateway\\.istio-system.*")), loaded.warnings().toString());
    TrafficStats s = Scenarios.run(loaded.scenario()).loads().get("internet");
    assertTrue(s.requests() > 500);
    assertEquals(Map.of(503, s.requests()), s.codes());
    assertTrue(s.latency().getValueAtPercentile(99) < 5 * MS, "refused, never served");
  }

  @Test
  void withTheServerOnPort80TheGatewayBoundVirtualServiceRoutesToTheService() throws Exception {
    TrafficStats s = run("number: 8080", "number: 80");
    assertEquals(Map.of(200, s.requests()), s.codes());
    assertTrue(s.latency().getValueAtPercentile(50) >= 5 * MS, "productpage's 5 ms is paid");
  }

  @Test
  void aPathNoGatewayRouteMatchesIs404() throws Exception {
    TrafficStats s = runTwice("number: 8080", "number: 80", "path: /productpage", "path: /static");
    assertEquals(Map.of(404, s.requests()), s.codes());
  }

  @Test
  void aVirtualServiceBoundToMeshOnlyDoesNotApplyAtTheGateway() throws Exception {
    TrafficStats s = runTwice("number: 8080", "number: 80", "gateways: [bookinfo-gateway]", "gateways: [mesh]");
    assertEquals(Map.of(404, s.requests()), s.codes(), "no virtual host at the gateway: 404 NR");
  }

  private TrafficStats runTwice(String a, String b, String c, String d) throws Exception {
    Path file = dir.resolve("ingress2.yaml");
    String text = Files.readString(TROUBLE_5);
    assertTrue(text.contains(a) && text.contains(c));
    Files.writeString(file, text.replace(a, b).replace(c, d));
    return Scenarios.run(ScenarioLoader.load(file).scenario()).loads().get("internet");
  }
}
