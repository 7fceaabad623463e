package dev.meshsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticRoutingTest {
  static final Path JASON = Path.of("testkit/src/test/resources/scenarios/bookinfo-jason.yaml");
  static final Path CANARY = Path.of("scenarios/reviews-canary.yaml");
  static final String V3 = "outbound|9080|v3|reviews.default.svc.cluster.local";

  final MeshPolicies mesh = MeshPolicies.load(JASON);

  @Test
  void headerMatchPicksItsRouteAndCluster() {
    RouteDecision d = mesh.route(Request.get("reviews:9080", "/reviews/1").header("End-User", "jason")
        .from("productpage-v1"));
    assertEquals(V3, d.cluster());
    assertEquals("jason", d.routeName());
    assertEquals("reviews.default.svc.cluster.local:9080", d.virtualHost());
    assertEquals(1.0, d.weightShare());
    assertTrue(d.forwarded());
    assertEquals(new RouteRule("default", "reviews", 0, "jason"), d.rule());
  }

  @Test
  void routeToAnUndefinedSubsetIs503NoCluster() {
    RouteDecision d = mesh.route(Request.get("reviews", "/reviews/beta/2"));
    assertEquals("outbound|9080|v4|reviews.default.svc.cluster.local", d.cluster());
    assertEquals(503, d.responseCode());
    assertEquals("NC", d.responseFlag());
    assertEquals(List.of(false), mesh.destinations(Request.get("reviews", "/reviews/beta"))
        .stream().map(WeightedDestination::known).toList());
  }

  @Test
  void noMatchingRouteIs404NoRoute() {
    RouteDecision d = mesh.route(Request.get("ratings.default.svc.cluster.local:9080", "/health"));
    assertNull(d.cluster());
    assertEquals(404, d.responseCode());
    assertEquals("NR", d.responseFlag());
    assertTrue(mesh.destinations(Request.get("ratings", "/health")).isEmpty());
  }

  @Test
  void hostOutsideTheMeshIsPassthrough() {
    RouteDecision d = mesh.route(Request.get("example.com", "/"));
    assertEquals("PassthroughCluster", d.cluster());
    assertEquals("allow_any", d.virtualHost());
    assertTrue(d.forwarded());
  }

  @Test
  void serviceWithoutVirtualServiceGetsIstiosDefaultRoute() {
    RouteDecision d = mesh.route(Request.get("productpage:9080", "/anything"));
    assertEquals("outbound|9080||productpage.default.svc.cluster.local", d.cluster());
    assertEquals("default", d.routeName());
    assertNull(d.rule());
  }

  @Test
  void randomValuePicksTheWeightedClusterAsEnvoyDoes() {
    MeshPolicies canary = MeshPolicies.load(CANARY);
    Request r = Request.get("reviews:9080", "/reviews/0");
    // weights 90 (v1) and 10 (v2): values 0..89 mod 100 pick v1, 90..99 pick v2
    assertEquals("outbound|9080|v1|reviews.default.svc.cluster.local", canary.route(r.random(89)).cluster());
    assertEquals("outbound|9080|v2|reviews.default.svc.cluster.local", canary.route(r.random(90)).cluster());
    assertEquals("outbound|9080|v1|reviews.default.svc.cluster.local", canary.route(r.random(100)).cluster());
    assertEquals(0.1, canary.route(r.random(95)).weightShare(), 1e-12);
    assertEquals(List.of(90, 10), canary.destinations(r).stream().map(WeightedDestination::weight).toList());
  }

  @Test
  void sourceLabelsAndNamespaceSelectRoutesPerClient() {
    MeshPolicies m = MeshPolicies.load(Path.of("testkit/src/test/resources/scenarios/source-labels.yaml"));
    Request r = Request.get("ratings.default:9080", "/ratings/1");
    assertEquals("from-reviews-v2", m.route(r.from("reviews-v2")).routeName());
    assertEquals("others", m.route(r.from("reviews-v1")).routeName());
    assertEquals("from-test", m.route(r.from("tester")).routeName());
    assertEquals("others", m.route(r).routeName());
  }

  @Test
  void unknownClientWorkloadIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> mesh.route(Request.get("reviews", "/").from("nobody")));
  }

  @Test
  void badScenarioIsAPositionedPolicyException() {
    PolicyException e = assertThrows(PolicyException.class, () -> MeshPolicies.load(Path.of("no/such.yaml")));
    assertTrue(e.getMessage().startsWith("no/such.yaml"), e.getMessage());
  }
}
