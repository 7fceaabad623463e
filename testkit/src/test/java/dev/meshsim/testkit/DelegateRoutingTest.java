package dev.meshsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The static route of a delegated prefix is the child's, merged under the root's match. */
class DelegateRoutingTest {
  private static final String V = "outbound|9080|%s|reviews.default.svc.cluster.local";
  private final MeshPolicies mesh = MeshPolicies.load(Path.of("scenarios/troubles/07-delegate.yaml"));

  @Test
  void theDelegatedPrefixReachesTheChildsDestinationAndTheRestFallsThrough() {
    RouteDecision api = mesh.route(Request.get("reviews:9080", "/api/v3/reviews/0"));
    assertEquals(String.format(V, "v3"), api.cluster());
    assertEquals("v3-api", api.routeName(), "the child route is unnamed, so it takes the root route's name");
    assertEquals(String.format(V, "v1"), mesh.route(Request.get("reviews:9080", "/api/v3/ratings/0")).cluster());
    assertEquals(String.format(V, "v1"), mesh.route(Request.get("reviews:9080", "/api/v3")).cluster(),
        "/api/v3 is outside the root's prefix /api/v3/");
    assertEquals(String.format(V, "v2"),
        mesh.route(Request.get("reviews:9080", "/reviews/0").header("x-canary", "true")).cluster());
  }
}
