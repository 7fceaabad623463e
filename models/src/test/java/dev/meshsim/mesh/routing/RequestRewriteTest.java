package dev.meshsim.mesh.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import dev.meshsim.istio.HeaderOperations;
import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRewrite;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.scenario.HttpRequestSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Envoy's rewrite semantics as {@link RequestRewrite} applies them to a request template. */
class RequestRewriteTest {
  private static HttpRequestSpec request(String path, Map<String, String> headers) {
    return new HttpRequestSpec("api:8080", "api.default.svc.cluster.local", 8080, "GET", path, headers);
  }

  private static HttpMatchRequest uri(StringMatch m) {
    return new HttpMatchRequest(null, m, null, null, null, Map.of(), Map.of(), Map.of(), null, false, Map.of(), null,
        List.of());
  }

  private static HttpRequestSpec apply(List<HttpMatchRequest> matches, HttpRewrite rw, HeaderOperations route,
      HeaderOperations destination, HttpRequestSpec in) {
    WeightedCluster target = new WeightedCluster("outbound|8080||api.default.svc.cluster.local", 1, null, destination);
    Route r = new Route("r", matches.stream().map(RouteMatcher::new).toList(), List.of(target), 0, RetryPolicy.NONE,
        FaultPolicy.NONE, 0, List.of(), RequestRewrite.of(rw, route));
    return RequestRewrite.apply(r, target, in, RequestAttributes.of(in));
  }

  private static String path(List<HttpMatchRequest> matches, HttpRewrite rw, String path) {
    return apply(matches, rw, HeaderOperations.NONE, HeaderOperations.NONE, request(path, Map.of())).path();
  }

  @Test
  void uriRewrite_replacesThePrefixMatched_theWholeExactPath_orTheLeadingSlash() {
    HttpRewrite toV1 = new HttpRewrite("/v1/", null, null, null);
    assertEquals("/v1/items?x=1", path(List.of(uri(StringMatch.prefix("/api/v1/"))), toV1, "/api/v1/items?x=1"));
    assertEquals("/v1/?x=1", path(List.of(uri(StringMatch.exact("/api/v1/items"))), toV1, "/api/v1/items?x=1"));
    assertEquals("/v1/api/items", path(List.of(), toV1, "/api/items"), "Istio's catch-all matches prefix /");
    assertEquals("/v1/b", path(List.of(uri(StringMatch.prefix("/x/")), uri(StringMatch.prefix("/a/"))), toV1, "/a/b"),
        "the block that matched gives the prefix");
  }

  @Test
  void uriRegexRewrite_replacesEveryMatch_withRe2Groups_andKeepsTheQuery() {
    HttpRewrite swap = new HttpRewrite(null, null, Pattern.compile("^/service/([^/]+)(/.*)$"), "\\2/instance/\\1");
    assertEquals("/v1/api/instance/foo?q=$1", path(List.of(), swap, "/service/foo/v1/api?q=$1"));
    HttpRewrite all = new HttpRewrite(null, null, Pattern.compile("a"), "$b");
    assertEquals("/$bb$bc", path(List.of(), all, "/abac"), "global, and $ is literal in RE2's rewrite");
  }

  @Test
  void headers_removeThenSetThenAdd_destinationFirst_andTheAuthorityRewriteUpdatesHost() {
    HeaderOperations destination = new HeaderOperations(Map.of("x-level", "destination", "x-dest", "1"), Map.of(),
        List.of());
    HeaderOperations route = new HeaderOperations(Map.of("x-level", "route"), Map.of("x-tag", "b"), List.of("x-drop"));
    HttpRequestSpec out = apply(List.of(), new HttpRewrite(null, "api.example.com", null, null), route, destination,
        request("/", Map.of("x-drop", "1", "x-tag", "a", "host", "api")));
    assertEquals(Map.of("x-level", "route", "x-dest", "1", "x-tag", "a,b", "host", "api.example.com"), out.headers());
    assertEquals("api.example.com", out.authority());
    assertEquals("/", out.path());
  }
}
