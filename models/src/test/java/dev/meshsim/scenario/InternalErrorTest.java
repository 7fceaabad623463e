package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inputs that used to end in an internal error (exit 1) are bad input, positioned. */
class InternalErrorTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{distribution: lognormal, median: 1s, sigma: 15}  | p99.99 is ",
    "{distribution: lognormal, mean: 1ms, sigma: 1000}  | in [0, 20]",
    "{distribution: exponential, mean: 2000000h}        | p99.99 is 1.84e+07h",
    "2562047h                                           | p99.99 is 2.56e+06h",
    "{distribution: empirical, p50: 1ms, p99: 100000h}  | p99.99 is ",
    "{distribution: gamma, shape: 0.5, mean: 100000h}   | p99.99 is ",
  })
  void distributionsWhoseTailLeavesTheClockAreRejected(String serviceTime, String expected) {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL.replace("{name: ratings-v1, serviceTime: 1ms}",
        "{name: ratings-v1, serviceTime: " + serviceTime + "}"));
    assertEquals("services[1].deployments[0].serviceTime" + (expected.startsWith("in") ? ".sigma" : ""), e.path());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void networkLatencyIsCheckedLikeEveryDistribution() {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + "mesh: {network: {latency: 2562047h}}\n");
    assertEquals("mesh.network.latency", e.path());
    assertTrue(e.getMessage().endsWith("one draw may take at most 1440h (60 days) (meshsim's clock horizon: twice the"
        + " longest duration)"), e.getMessage());
  }

  @Test
  void ringSizeOverEnvoysBoundIsRejected() {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + """
        istio:
          - apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews}
            spec: {host: reviews, trafficPolicy: {loadBalancer: {consistentHash: {useSourceIp: true,
                   ringHash: {minimumRingSize: 1000000000}}}}}
        """);
    assertTrue(e.getMessage().contains("expected a whole number in [0, 8388608], got 1000000000"), e.getMessage());
  }

  @Test
  void weightsWhoseSumOverflowsAnIntLoad() throws Exception {
    LoadedScenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL + """
        istio:
          - apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              hosts: [reviews]
              http: [{route: [{destination: {host: reviews}, weight: 2147483647},
                              {destination: {host: ratings}, weight: 2147483647}]}]
        """);
    assertEquals(2, s.scenario().istio().virtualServices().get(0).http().get(0).route().size());
  }

  @Test
  void aTenThousandServiceCallChainLoadsAndACycleInItIsFound() {
    StringBuilder chain = new StringBuilder("duration: 1s\nservices:\n");
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      chain.append("  - {name: s").append(i).append(", ports: [{port: 80}], deployments: [{name: s").append(i)
          .append(", serviceTime: 1us, calls: [{target: s").append((i + 1) % n).append("}]}]}\n");
    }
    chain.append("load: [{name: l, target: s0, arrival: {poisson: 1/s}}]\n");
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      ScenarioException e = TestScenarios.error(tmp, chain.toString());
      assertTrue(e.getMessage().contains("call cycle s0.default → s1.default → s2.default → s3.default → s4.default → … 9993 more … → s9998.default → s9999.default → s0.default: every"), e.getMessage());
      assertEquals("services[9999].deployments[0].calls[0].target", e.path());
    });
  }
}
