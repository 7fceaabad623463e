package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delegate VirtualServices as istiod validates them: one level deep, no route beside delegate. */
class DelegateParsingTest {

  @TempDir Path tmp;

  private static final String ROOT = """
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: a}
          spec:
            hosts: [reviews]
            http:
              - match: [{uri: {prefix: /v3/}}]
                delegate: {name: b}
              - route: [{destination: {host: reviews}}]
        """;

  private ScenarioException error(String istio) {
    return TestScenarios.error(tmp, TestScenarios.MINIMAL + "istio:\n" + istio);
  }

  @Test
  void aLoopIsRejectedWhereTheDelegateDelegatesAgain() {
    ScenarioException e = error(ROOT + """
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: b}
          spec:
            http:
              - delegate: {name: a}
        """);
    assertEquals("istio[1].spec.http[0].delegate", e.path(), e.getMessage());
    assertTrue(e.problem().contains("cannot delegate again"), e.getMessage());
    assertTrue(e.getMessage().matches("(?s).*s\\.yaml:\\d+:\\d+: .*"), e.getMessage());
  }

  @Test
  void delegateExcludesRouteAndADelegateHasNoGateways() {
    ScenarioException route = error("""
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: a}
          spec:
            hosts: [reviews]
            http:
              - delegate: {name: b}
                route: [{destination: {host: reviews}}]
        """);
    assertEquals("istio[0].spec.http[0].route", route.path(), route.getMessage());
    ScenarioException gateways = error("""
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: b}
          spec:
            gateways: [mesh]
            http:
              - route: [{destination: {host: reviews}}]
        """);
    assertEquals("istio[0].spec.gateways", gateways.path(), gateways.getMessage());
  }

  @Test
  void aMissingDelegateIsWarnedAtItsPosition() throws ScenarioException {
    LoadedScenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL + "istio:\n" + ROOT);
    assertTrue(s.warnings().stream().anyMatch(w -> w.contains("istio[0].spec.http[0].delegate")
        && w.contains("delegate VirtualService default/b of default/a not found")), s.warnings().toString());
  }
}
