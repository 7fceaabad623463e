package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What was accepted without a word now warns or fails as the cluster would; scalar anchors work. */
class SilentAcceptanceTest {
  @TempDir Path tmp;

  private static final String DR = """
      istio:
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: %s}
          spec: {host: reviews, subsets: [{name: %s, labels: {version: v1}}]}
      """;

  @Test
  void deletingWhatDoesNotExistWarns() throws Exception {
    LoadedScenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL + DR.formatted("reviews", "v1") + """
        timeline:
          - {at: 1s, delete: {kind: DestinationRule, name: reviews}}
          - {at: 2s, delete: {kind: DestinationRule, name: reviews}}
          - {at: 3s, delete: {kind: VirtualService, name: nothing}}
        """);
    List<String> w = s.warnings();
    assertEquals(2, w.size(), w.toString());
    assertTrue(w.get(0).contains("timeline[1]: DestinationRule default/reviews does not exist at this time"
        + " (kubectl delete would fail: NotFound); nothing is deleted"), w.get(0));
    assertTrue(w.get(1).contains("timeline[2]: VirtualService default/nothing does not exist"), w.get(1));
  }

  @Test
  void killingMorePodsThanThereAreWarns() throws Exception {
    LoadedScenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL + """
        timeline:
          - {at: 1s, kill: {deployment: reviews-v1, pods: 50}}
          - {at: 2s, scale: {deployment: reviews-v1, replicas: 60}}
          - {at: 3s, kill: {deployment: reviews-v1, pods: 50}}
          - {at: 4s, failure: {deployment: reviews-v2, pods: 3, errorRate: 1}}
        """);
    assertEquals(List.of("kill of 50 pods, but reviews-v1 has 1 replicas at this time; only those 1 are affected",
        "failure of 3 pods, but reviews-v2 has 1 replicas at this time; only those 1 are affected"),
        s.warnings().stream().map(x -> x.substring(x.indexOf("]: ") + 3)).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"v 2!\"", "V2", "-v2", "v.2", "\"\""})
  void subsetNamesFollowIstiosRule(String name) {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + DR.formatted("reviews", name));
    assertEquals("istio[0].spec.subsets[0].name", e.path());
    assertTrue(e.getMessage().contains(name.equals("\"\"") ? "non-empty" : "subset name is invalid: "), e.getMessage());
  }

  @Test
  void aRouteToAnInvalidSubsetIsRejectedToo() {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + """
        istio:
          - apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec: {hosts: [reviews], http: [{route: [{destination: {host: reviews, subset: "v 2!"}}]}]}
        """);
    assertTrue(e.getMessage().contains("subset name is invalid: \"v 2!\"; istiod requires an RFC 1123 label"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"Bad Name!\"", "UPPER", "a_b", "-a", "a."})
  void objectNamesFollowTheApiServersRule(String name) {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + DR.formatted(name, "v1"));
    assertEquals("istio[0].metadata.name", e.path());
    assertTrue(e.getMessage().contains("is invalid: the API server requires an RFC 1123 subdomain"), e.getMessage());
  }

  @Test
  void dotsAreAllowedInObjectNames() throws Exception {
    assertEquals("reviews.v1", TestScenarios.load(tmp, TestScenarios.MINIMAL + DR.formatted("reviews.v1", "v1"))
        .scenario().istio().destinationRules().get(0).meta().name());
  }

  @Test
  void scalarAnchorsWorkLikeMappingAnchors() throws Exception {
    LoadedScenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL.replace(
        "{name: ratings-v1, serviceTime: 1ms}", "{name: ratings-v1, serviceTime: 1ms, replicas: &r 2, workers: *r}"));
    DeploymentSpec d = s.scenario().services().get(1).deployments().get(0);
    assertEquals(2, d.replicas());
    assertEquals(2, d.workers());
  }
}
