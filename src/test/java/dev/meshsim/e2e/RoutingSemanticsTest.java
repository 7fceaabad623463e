package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Envoy's routing outcomes as Istio configures them: first match wins over headers, uri, method and
 * query parameters; {@code sourceLabels} selects proxies; a host with a VirtualService but no
 * matching route is {@code 404 NR}; a subset no DestinationRule defines is {@code 503 NC}; a subset
 * with no pods is {@code 503 UH}.
 */
class RoutingSemanticsTest {
  private static final String HOST = "reviews.default.svc.cluster.local";
  private static RunResult result;

  @BeforeAll
  static void run() {
    result = Scenarios.run(Scenarios.test("routing-semantics"));
  }

  @Test
  void headerMatchRoutesToItsSubset() {
    assertOnly("jason", 200, "-", cluster("v2"));
  }

  @Test
  void uriPrefixMethodAndQueryParamsMustAllMatch() {
    assertOnly("api", 200, "-", cluster("v1"));
  }

  @Test
  void noMatchingRouteIs404NR() {
    TrafficStats s = result.loads().get("api-get");
    assertEquals(Map.of(404, s.requests()), s.codes());
    assertEquals(Map.of("NR", s.requests()), s.flags());
    assertEquals(Map.of(), s.clusters(), "no route, no cluster");
  }

  @Test
  void routeToUndefinedSubsetIs503NC() {
    assertOnly("missing", 503, "NC", cluster("v3"));
  }

  @Test
  void subsetWithNoPodsIs503UH() {
    assertOnly("empty", 503, "UH", cluster("v9"));
  }

  @Test
  void sourceLabelsSelectTheClientProxy() {
    assertOnly("canary-tester", 200, "-", cluster("v2"));
  }

  @Test
  void clientWithoutSidecarBypassesRouting() {
    TrafficStats s = result.loads().get("no-sidecar");
    assertEquals(Map.of(200, s.requests()), s.codes());
    assertEquals(Map.of(), s.clusters(), "kube-proxy has no Envoy cluster");
  }

  @Test
  void everyLoadSentRequests() {
    result.loads().forEach((name, s) -> assertEquals(200, s.requests(), name));
  }

  private static String cluster(String subset) {
    return "outbound|9080|" + subset + "|" + HOST;
  }

  private static void assertOnly(String load, int code, String flag, String cluster) {
    TrafficStats s = result.loads().get(load);
    long n = s.requests();
    assertEquals(Map.of(code, n), s.codes(), load + " codes");
    assertEquals(Map.of(flag, n), s.flags(), load + " flags");
    assertEquals(Map.of(cluster, n), s.clusters(), load + " clusters");
  }
}
