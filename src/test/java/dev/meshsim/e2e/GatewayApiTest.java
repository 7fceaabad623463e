package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gateway API HTTPRoute with a Service parent (GAMMA), translated as istiod does: weights are
 * honoured (before, the kind was ignored and traffic spread evenly over the parent's own pods),
 * PathPrefix matches whole path segments, and the more specific rule wins over an earlier one.
 */
class GatewayApiTest {
  private static final String V1 = "outbound|9080||reviews-v1.default.svc.cluster.local";
  private static final String V2 = "outbound|9080||reviews-v2.default.svc.cluster.local";

  private static RunResult run() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(Path.of("src/test/resources/scenarios/gateway-api/httproute-90-10.yaml"));
    assertEquals(java.util.List.of(), loaded.warnings());
    return Scenarios.run(loaded.scenario());
  }

  @Test
  void ninetyTenIsHonouredWithinABinomialBound() throws Exception {
    TrafficStats split = run().loads().get("split");
    long n = split.requests();
    long v2 = split.clusters().getOrDefault(V2, 0L);
    assertEquals(n, split.clusters().getOrDefault(V1, 0L) + v2, "only the two backends: " + split.clusters());
    double sigma = Math.sqrt(n * 0.1 * 0.9);
    assertTrue(n > 3000, "n = " + n);
    assertTrue(Math.abs(v2 - 0.1 * n) < 4 * sigma, "v2 got " + v2 + " of " + n + "; expected 10% +- 4 sigma");
    assertEquals(Map.of(200, n), split.codes());
  }

  @Test
  void pathPrefixMatchesPathSegmentsAndOutranksTheCatchAllRule() throws Exception {
    RunResult r = run();
    for (String load : new String[] {"v2-segment", "v2-exact"}) {
      TrafficStats s = r.loads().get(load);
      assertEquals(Map.of(V2, s.requests()), s.clusters(), load);
    }
    TrafficStats other = r.loads().get("not-a-segment");
    assertTrue(other.clusters().getOrDefault(V1, 0L) > other.requests() / 2,
        "/v2x is not under the /v2 prefix: it takes the 90/10 rule " + other.clusters());
  }

  @org.junit.jupiter.api.io.TempDir Path dir;

  private Path edited(String from, String to) throws Exception {
    Path src = Path.of("src/test/resources/scenarios/gateway-api/httproute-90-10.yaml");
    Path file = dir.resolve("route.yaml");
    String text = java.nio.file.Files.readString(src);
    assertTrue(text.contains(from), from);
    java.nio.file.Files.writeString(file, text.replace(from, to));
    return file;
  }

  /**
   * istiod's translation of the URLRewrite and header-modifier filters: ReplacePrefixMatch replaces
   * the rule's matched path prefix, hostname the authority, RequestHeaderModifier the headers, and
   * a backendRef's RequestHeaderModifier applies to that backend only; the client sidecar applies
   * them before the request goes upstream.
   */
  @Test
  void urlRewriteAndHeaderModifiers_becomeTheRoutesRewriteAndHeaders() throws Exception {
    Path file = edited("""
        - matches:
            - path: {type: PathPrefix, value: /v2}
          backendRefs:
            - {name: reviews-v2, port: 9080}
""", """
        - matches:
            - path: {type: PathPrefix, value: /v2}
          filters:
            - type: URLRewrite
              urlRewrite: {hostname: reviews-v2, path: {type: ReplacePrefixMatch, replacePrefixMatch: /api/v2}}
            - type: RequestHeaderModifier
              requestHeaderModifier:
                set: [{name: X-Route, value: gamma}]
                remove: [cookie]
          backendRefs:
            - name: reviews-v2
              port: 9080
              filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier: {add: [{name: x-backend, value: v2}]}
""");
    LoadedScenario loaded = ScenarioLoader.load(file);
    assertEquals(java.util.List.of(), loaded.warnings());
    var route = loaded.scenario().istio().virtualServices().get(0).http().stream()
        .filter(r -> r.rewrite() != null).findFirst().orElseThrow();
    assertEquals("reviews-v2", route.rewrite().authority());
    assertEquals(Map.of("x-route", "gamma"), route.headers().request().set());
    assertEquals(java.util.List.of("cookie"), route.headers().request().remove());
    assertEquals(Map.of("x-backend", "v2"), route.route().get(0).headers().request().add());
    var target = new dev.meshsim.mesh.routing.WeightedCluster(V2, 1, null,
        dev.meshsim.mesh.xds.RewriteTranslation.headers(route.route().get(0).headers().request()));
    var envoyRoute = new dev.meshsim.mesh.routing.Route(route.name(),
        route.match().stream().map(dev.meshsim.mesh.xds.RouteMatchTranslation::translate).toList(),
        java.util.List.of(target), 0, dev.meshsim.mesh.routing.RetryPolicy.NONE,
        dev.meshsim.mesh.routing.FaultPolicy.NONE, 0, java.util.List.of(),
        dev.meshsim.mesh.xds.RewriteTranslation.of(route.rewrite(), route.headers().request()));
    for (String[] c : new String[][] {{"/v2", "/api/v2"}, {"/v2/reviews?x=1", "/api/v2/reviews?x=1"}}) {
      var in = new dev.meshsim.app.HttpRequestSpec("reviews:9080", "reviews.default.svc.cluster.local", 9080,
          "GET", c[0], Map.of("cookie", "a=b"));
      var out = dev.meshsim.mesh.routing.RequestRewrite.apply(envoyRoute, target, in,
          dev.meshsim.mesh.routing.RequestAttributes.of(in));
      assertEquals(c[1], out.path());
      assertEquals("reviews-v2", out.authority());
      assertEquals(Map.of("x-route", "gamma", "x-backend", "v2"), out.headers());
    }
  }

  @Test
  void aBadPathTypeIsAPositionedError() throws Exception {
    Path file = edited("type: PathPrefix", "type: Prefix");
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.meshsim.scenario.ScenarioException.class,
        () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().matches("(?s).*route\\.yaml:\\d+:\\d+: istio\\[0\\]\\.spec\\.rules\\[1\\]\\.matches\\[0\\]"
        + "\\.path\\.type: .*Exact, PathPrefix or RegularExpression.*"), e.getMessage());
  }

  @Test
  void aParentGatewayThatIsNotDefinedIsWarnedAboutNotDropped() throws Exception {
    Path file = edited("{group: \"\", kind: Service, name: reviews, port: 9080}", "{name: bookinfo-gateway}");
    LoadedScenario loaded = ScenarioLoader.load(file);
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(loaded.warnings().get(0).matches(".*route\\.yaml:\\d+:\\d+: istio\\[0\\]\\.spec\\.parentRefs\\[0\\]:"
        + " HTTPRoute default/reviews: no Gateway default/bookinfo-gateway of class istio is defined.*"),
        loaded.warnings().get(0));
  }

  @Test
  void aBackendThatIsNoServiceIsWarnedAbout() throws Exception {
    Path file = edited("{name: reviews-v2, port: 9080}", "{name: reviews-v9, port: 9080}");
    LoadedScenario loaded = ScenarioLoader.load(file);
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(loaded.warnings().get(0).matches(".*route\\.yaml:\\d+:\\d+: istio\\[0\\]\\.spec\\.rules\\[1\\]"
        + "\\.backendRefs\\[0\\]: host reviews-v9\\.default\\.svc\\.cluster\\.local is no service of this scenario.*500 NC"),
        loaded.warnings().get(0));
    // A route of Gateway API semantics answers a cluster the proxy lacks with 500, not 503 (istio
    // applyHTTPRouteDestination: cluster_not_found_response_code INTERNAL_SERVER_ERROR).
    var exact = Scenarios.run(loaded.scenario().withDuration(2_000_000_000L)).loads().get("v2-exact");
    assertEquals(java.util.Map.of(500, exact.requests()), exact.codes());
    assertEquals(java.util.Map.of("NC", exact.requests()), exact.flags());
  }
}
