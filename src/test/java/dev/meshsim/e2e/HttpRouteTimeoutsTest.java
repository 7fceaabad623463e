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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPRoute {@code timeouts} and {@code retry} as istiod translates them ({@code convertHTTPRoute}):
 * {@code retry.codes} join Istio's connect-failure conditions, {@code attempts} are retries, {@code
 * timeouts.request} is the route timeout. Before, both were warned about and dropped: ratings failed
 * half its calls and slow answered 200 after 100 ms.
 */
class HttpRouteTimeoutsTest {
  private static final String SCENARIO = "src/test/resources/scenarios/gateway-api/httproute-timeouts.yaml";

  @TempDir Path dir;

  @Test
  void retryCodesAreRetriedAttemptsTimes() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(Path.of(SCENARIO));
    assertEquals(java.util.List.of(), loaded.warnings());
    TrafficStats s = Scenarios.run(loaded.scenario()).loads().get("to-ratings");
    double failed = s.codes().getOrDefault(503, 0L) / (double) s.requests();
    double p = 0.125; // 0.5^(2 retries + 1)
    double sigma = Math.sqrt(p * (1 - p) / s.requests());
    assertTrue(Math.abs(failed - p) < 4 * sigma, failed + " vs " + p + " (n " + s.requests() + ")");
    assertEquals(Map.of(200, s.requests() - s.codes().getOrDefault(503, 0L), 503, s.codes().get(503)), s.codes());
  }

  @Test
  void theRequestTimeoutEndsEveryCallToTheSlowServiceWith504Ut() throws Exception {
    TrafficStats s = Scenarios.run(ScenarioLoader.load(Path.of(SCENARIO)).scenario()).loads().get("to-slow");
    assertEquals(Map.of(504, s.requests()), s.codes());
    assertEquals(Map.of("UT", s.requests()), s.flags());
    assertTrue(s.latency().getValueAtPercentile(99) < 60_000_000L, "cut at 50 ms");
  }

  @Test
  void aBackendRequestTimeoutWithoutRetryIsTheRouteTimeout() throws Exception {
    String text = Files.readString(Path.of(SCENARIO)).replace("timeouts: {request: 50ms}",
        "timeouts: {request: 10s, backendRequest: 30ms}");
    RunResult r = Scenarios.run(ScenarioLoader.load(Files.writeString(dir.resolve("b.yaml"), text)).scenario());
    TrafficStats s = r.loads().get("to-slow");
    assertEquals(Map.of(504, s.requests()), s.codes());
    assertTrue(s.latency().getValueAtPercentile(99) < 40_000_000L, "cut at 30 ms, not 10 s");
  }

  @Test
  void aBadDurationIsExitTwoWithItsPosition() throws Exception {
    String text = Files.readString(Path.of(SCENARIO)).replace("request: 50ms", "request: 0.05s");
    Outcome bad = meshsim("run", Files.writeString(dir.resolve("bad.yaml"), text).toString());
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("bad.yaml:33:31: istio[1].spec.rules[0].timeouts.request: expected a Gateway API"
        + " duration"), bad.err());
  }
}
