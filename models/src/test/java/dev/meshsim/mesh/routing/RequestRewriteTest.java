package dev.meshsim.mesh.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import dev.meshsim.app.HttpRequestSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Envoy's rewrite semantics as {@link RequestRewrite} applies them to a request template. */
class RequestRewriteTest {
  private static HttpRequestSpec request(String path, Map<String, String> headers) {
    return new HttpRequestSpec("api:8080", "api.default.svc.cluster.local", 8080, "GET", path, headers);
  }

  private static RouteMatcher path(StringMatcher m) {
    return new RouteMatcher(m, List.of(), List.of());
  }

  private static HttpRequestSpec apply(List<RouteMatcher> matches, RequestRewrite rw, HeaderMutation destination,
      HttpRequestSpec in) {
    WeightedCluster target = new WeightedCluster("outbound|8080||api.default.svc.cluster.local", 1, null, destination);
    Route r = new Route("r", matches, List.of(target), 0, RetryPolicy.NONE, FaultPolicy.NONE, 0, List.of(), rw);
    return RequestRewrite.apply(r, target, in, RequestAttributes.of(in));
  }

  private static String rewritten(List<RouteMatcher> matches, RequestRewrite rw, String path) {
    return apply(matches, rw, HeaderMutation.NONE, request(path, Map.of())).path();
  }

  private static RequestRewrite prefix(String to) {
    return new RequestRewrite(to, null, null, null, HeaderMutation.NONE);
  }

  @Test
  void prefixRewrite_replacesThePrefixMatched_theWholeExactPath_orTheLeadingSlash() {
    assertEquals("/v1/items?x=1", rewritten(List.of(path(StringMatcher.prefix("/api/v1/", false))), prefix("/v1/"),
        "/api/v1/items?x=1"));
    assertEquals("/v1/?x=1", rewritten(List.of(path(StringMatcher.exact("/api/v1/items", false))), prefix("/v1/"),
        "/api/v1/items?x=1"));
    assertEquals("/v1/api/items", rewritten(List.of(), prefix("/v1/"), "/api/items"), "Istio's catch-all is prefix /");
    assertEquals("/v1/b", rewritten(List.of(path(StringMatcher.prefix("/x/", false)),
        path(StringMatcher.prefix("/a/", false))), prefix("/v1/"), "/a/b"), "the block that matched gives the prefix");
  }

  @Test
  void regexRewrite_replacesEveryMatch_withRe2Groups_andKeepsTheQuery() {
    RequestRewrite swap = new RequestRewrite(null, null, Pattern.compile("^/service/([^/]+)(/.*)$"), "\\2/instance/\\1",
        HeaderMutation.NONE);
    assertEquals("/v1/api/instance/foo?q=$1", rewritten(List.of(), swap, "/service/foo/v1/api?q=$1"));
    RequestRewrite all = new RequestRewrite(null, null, Pattern.compile("a"), "$b", HeaderMutation.NONE);
    assertEquals("/$bb$bc", rewritten(List.of(), all, "/abac"), "global, and $ is literal in RE2's rewrite");
  }

  @Test
  void headers_removeThenSetThenAdd_destinationFirst_andTheHostRewriteUpdatesHost() {
    HeaderMutation destination = new HeaderMutation(Map.of("x-level", "destination", "x-dest", "1"), Map.of(),
        List.of());
    HeaderMutation route = new HeaderMutation(Map.of("x-level", "route"), Map.of("x-tag", "b"), List.of("x-drop"));
    HttpRequestSpec out = apply(List.of(), new RequestRewrite(null, "api.example.com", null, null, route), destination,
        request("/", Map.of("x-drop", "1", "x-tag", "a", "host", "api")));
    assertEquals(Map.of("x-level", "route", "x-dest", "1", "x-tag", "a,b", "host", "api.example.com"), out.headers());
    assertEquals("api.example.com", out.authority());
    assertEquals("/", out.path());
  }
}
