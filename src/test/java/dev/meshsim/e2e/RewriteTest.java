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
 * Issue 11's rewrite and header operations, applied by the client sidecar before the request goes
 * upstream, so that the next hop routes on what was sent: in {@code scenarios/rewrite-gateway.yaml}
 * the mesh route rewrites path and authority and sets a header, and the gateway's route table picks
 * a different route for each of the three.
 */
class RewriteTest {
  private static final String SCENARIO = "scenarios/rewrite-gateway.yaml";
  private static final String V1 = "outbound|8080|v1|api.default.svc.cluster.local";
  private static final String CANARY = "outbound|8080|canary|api.default.svc.cluster.local";
  private static final String LEGACY = "outbound|8080|legacy|api.default.svc.cluster.local";

  @TempDir Path dir;

  private Map<String, Long> gatewayRoutedClusters(String from, String to) throws Exception {
    String text = Files.readString(Path.of(SCENARIO));
    assertTrue(text.contains(from), from);
    Path file = dir.resolve("rewrite.yaml");
    Files.writeString(file, text.replace(from, to));
    LoadedScenario loaded = ScenarioLoader.load(file);
    var result = Scenarios.run(loaded.scenario());
    TrafficStats total = result.total();
    long requests = result.loads().get("client").requests();
    assertTrue(requests > 300, "requests: " + requests);
    assertEquals(Map.of(200, requests), result.loads().get("client").codes());
    Map<String, Long> api = new java.util.TreeMap<>(total.clusters());
    api.keySet().removeIf(c -> !c.contains("|api.default"));
    assertEquals(requests, api.values().stream().mapToLong(Long::longValue).sum(), "every request reached api once");
    return api;
  }

  @Test
  void theRewrittenAuthorityPathAndHeader_chooseTheGatewaysRoute() throws Exception {
    assertEquals(List.of(V1), List.copyOf(gatewayRoutedClusters("", "").keySet()),
        "api.example.com, /v1/ and x-api-generation: 2");
  }

  @Test
  void withoutTheRewrite_theGatewaySeesTheOriginalHostAndPath() throws Exception {
    assertEquals(List.of(LEGACY), List.copyOf(gatewayRoutedClusters(
        "          rewrite: {uri: /v1/, authority: api.example.com}\n", "").keySet()));
  }

  @Test
  void withoutTheHeaderSet_theGatewayTakesTheRouteWithoutTheHeaderMatch() throws Exception {
    assertEquals(List.of(CANARY), List.copyOf(gatewayRoutedClusters(
        "          headers: {request: {set: {x-api-generation: \"2\"}}}\n", "").keySet()));
  }

  @Test
  void theAccessLog_showsTheOriginalPathAndTheRewrittenAuthority_atBothHops() throws Exception {
    Path log = dir.resolve("access.log");
    assertEquals(0, meshsim("run", SCENARIO, "--duration", "2s", "--access-log", log.toString()).exit());
    List<String> lines = Files.readAllLines(log);
    String client = lines.stream().filter(l -> l.contains(" outbound|80||istio-ingressgateway")).findFirst()
        .orElseThrow();
    String id = client.split("\"")[7];
    String gateway = lines.stream().filter(l -> l.contains(id) && l.contains(" " + V1 + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("the gateway's line with " + id));
    for (String line : List.of(client, gateway)) {
      assertTrue(line.contains("\"GET /api/v1/items HTTP/1.1\""), "x-envoy-original-path: " + line);
      assertTrue(line.contains("\"api.example.com\""), "the rewritten authority: " + line);
    }
  }

  @Test
  void aHeaderNameThatIsNoToken_andABadRegex_arePositionedErrors() throws Exception {
    String text = Files.readString(Path.of(SCENARIO));
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, text.replace("set: {x-api-generation: \"2\"}", "set: {\"x api\": \"2\"}"));
    Outcome name = meshsim("run", bad.toString());
    assertEquals(2, name.exit());
    assertTrue(name.err().matches("(?s).*bad\\.yaml:\\d+:\\d+: istio\\[2\\]\\.spec\\.http\\[0\\]\\.headers\\.request"
        + "\\.set.*not a valid HTTP header name.*"), name.err());
    assertTrue(!name.err().contains("at dev.meshsim"), "no stack trace");
    Files.writeString(bad, text.replace("rewrite: {uri: /v1/, authority: api.example.com}",
        "rewrite: {uriRegexRewrite: {match: \"^/api/(v1\", rewrite: \"/\\\\1\"}}"));
    Outcome regex = meshsim("run", bad.toString());
    assertEquals(2, regex.exit());
    assertTrue(regex.err().matches("(?s).*bad\\.yaml:\\d+:\\d+: istio\\[2\\]\\.spec\\.http\\[0\\]\\.rewrite"
        + "\\.uriRegexRewrite\\.match: invalid regex.*"), regex.err());
  }
}
