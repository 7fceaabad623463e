package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Egress: {@code meshConfig.outboundTrafficPolicy.mode} and ServiceEntry. On a port some mesh
 * Service serves as HTTP (so the sidecar has an HTTP listener there), REGISTRY_ONLY answers a
 * host the registry does not know with Istio's {@code block_all} direct response 502 (no flag);
 * ALLOW_ANY forwards it through PassthroughCluster; a ServiceEntry makes it a cluster of its own,
 * to which a DestinationRule applies.
 */
class EgressTest {
  private static final String BASE = "src/test/resources/scenarios/egress/egress.yaml";
  private static final long MS = 1_000_000L;
  private static final String SERVICE_ENTRY = """
        - apiVersion: networking.istio.io/v1
          kind: ServiceEntry
          metadata: {name: api}
          spec:
            hosts: [api.example.com]
            ports: [{number: 80, name: http, protocol: HTTP}]
            resolution: DNS
      """;

  @TempDir Path dir;

  private TrafficStats run(String mode, String resources) throws Exception {
    String text = Files.readString(Path.of(BASE)).replace("{mode: ALLOW_ANY}", "{mode: " + mode + "}")
        .replace("  resources: []\n", resources.isEmpty() ? "  resources: []\n" : "  resources:\n" + resources);
    Path file = dir.resolve("egress-" + mode + "-" + resources.length() + ".yaml");
    Files.writeString(file, text);
    RunResult r = Scenarios.run(ScenarioLoader.load(file).scenario());
    return r.loads().get("to-api");
  }

  @Test
  void registryOnlyAnswersAnUnknownHostWithBlockAll502AndNoFlag() throws Exception {
    TrafficStats s = run("REGISTRY_ONLY", "");
    assertTrue(s.requests() > 300, "requests: " + s.requests());
    assertEquals(Map.of(502, s.requests()), s.codes());
    assertEquals(Map.of("-", s.requests()), s.flags(), "a direct response sets no response flag");
    assertTrue(s.latency().getValueAtPercentile(99) < 5 * MS, "answered by the client's sidecar, not the server");
  }

  @Test
  void allowAnyPassesItThroughPassthroughClusterToTheExternalServer() throws Exception {
    TrafficStats s = run("ALLOW_ANY", "");
    assertEquals(Map.of(200, s.requests()), s.codes());
    assertEquals(Map.of("PassthroughCluster|api.example.com:80", s.requests()), s.clusters());
    assertTrue(s.latency().getValueAtPercentile(50) >= 30 * MS, "the external latency is paid");
  }

  @Test
  void aServiceEntryMakesTheHostRoutableUnderRegistryOnly() throws Exception {
    TrafficStats s = run("REGISTRY_ONLY", SERVICE_ENTRY);
    assertEquals(Map.of(200, s.requests()), s.codes());
    assertEquals(Map.of("outbound|80||api.example.com", s.requests()), s.clusters());
  }

  @Test
  void aServiceEntryWithStaticResolutionAndNoEndpointsHasNoHealthyUpstream() throws Exception {
    TrafficStats s = run("REGISTRY_ONLY", SERVICE_ENTRY.replace("resolution: DNS", "resolution: STATIC"));
    assertEquals(Map.of(503, s.requests()), s.codes());
    assertEquals(Map.of("UH", s.requests()), s.flags());
  }

  @Test
  void aDestinationRuleOnTheServiceEntryHostApplies() {
    TrafficStats s = Scenarios.run(Scenarios.test("egress/service-entry-dr")).loads().get("to-api");
    long uo = s.flags().getOrDefault("UO", 0L);
    assertTrue(uo > 0 && uo < s.requests(), "some but not all calls overflow the pool: " + s.flags());
    assertEquals(uo, s.codes().get(503), "every 503 is an overflow");
  }

  @Test
  void aVirtualServiceRoutesAServiceEntryHost() throws Exception {
    String vs = SERVICE_ENTRY + """
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: api}
          spec:
            hosts: [api.example.com]
            http: [{fault: {abort: {httpStatus: 418, percentage: {value: 100}}}, route: [{destination: {host: api.example.com}}]}]
      """;
    TrafficStats s = run("REGISTRY_ONLY", vs);
    assertEquals(Map.of(418, s.requests()), s.codes());
    assertEquals(Map.of("FI", s.requests()), s.flags());
  }

  @Test
  void badInputIsAPositionedError() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, Files.readString(Path.of(BASE)).replace("{mode: ALLOW_ANY}", "{mode: DENY}"));
    ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().matches("(?s).*bad\\.yaml:\\d+:\\d+: istio\\.meshConfig\\.outboundTrafficPolicy\\.mode:"
        + " .*ALLOW_ANY or REGISTRY_ONLY.*"), e.getMessage());
  }
}
