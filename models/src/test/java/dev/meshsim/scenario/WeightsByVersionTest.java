package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route weights are relative since Istio 1.15; before it istiod required a total of 100. */
class WeightsByVersionTest {
  @TempDir Path dir;

  private Path scenario(String version, int w1, int w2) throws Exception {
    String yaml = """
        duration: 10s
        services:
          - name: a
            ports: [{name: http, port: 80}]
            deployments: [{name: a, serviceTime: 1ms}]
        istio:
          version: "%s"
          resources:
            - apiVersion: networking.istio.io/v1alpha3
              kind: VirtualService
              metadata: {name: a}
              spec:
                hosts: [a]
                http:
                  - route:
                      - {destination: {host: a}, weight: %d}
                      - {destination: {host: a}, weight: %d}
        load:
          - {name: users, target: a:80, arrival: {poisson: 10/s}}
        """.formatted(version, w1, w2);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void before115WeightsMustAddUpTo100() throws Exception {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario("1.14", 9, 1)));
    assertTrue(e.getMessage().contains("total destination weight 10 != 100"), e.getMessage());
    assertTrue(e.getMessage().contains("istio.resources[0].spec.http[0].route"), e.getMessage());
  }

  @Test
  void before115ATotalOf100Loads() throws Exception {
    assertEquals(1, ScenarioLoader.load(scenario("1.14", 90, 10)).scenario().istio().virtualServices().size());
  }

  @Test
  void since115WeightsAreRelative() throws Exception {
    assertEquals(1, ScenarioLoader.load(scenario("1.15", 9, 1)).scenario().istio().virtualServices().size());
  }
}
