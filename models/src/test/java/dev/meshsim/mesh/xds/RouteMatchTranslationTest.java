package dev.meshsim.mesh.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.mesh.routing.HeaderMatcher;
import dev.meshsim.mesh.routing.RequestAttributes;
import dev.meshsim.mesh.routing.RouteMatcher;
import dev.meshsim.mesh.routing.StringMatcher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Istio's match blocks as Envoy route matches, as istiod's translateRouteMatch writes them. */
class RouteMatchTranslationTest {

  private static HttpMatchRequest match(StringMatch uri, StringMatch method, Map<String, StringMatch> headers,
      Map<String, StringMatch> without, Map<String, StringMatch> query, boolean ignoreUriCase) {
    return new HttpMatchRequest("", uri, null, method, null, headers, without, query, null, ignoreUriCase,
        Map.of(), null, List.of());
  }

  private static RequestAttributes request(String method, String pathAndQuery, Map<String, String> headers) {
    int q = pathAndQuery.indexOf('?');
    Map<String, String> query = q < 0 ? Map.of() : Map.of(pathAndQuery.substring(q + 1).split("=")[0],
        pathAndQuery.substring(q + 1).split("=")[1]);
    return new RequestAttributes("reviews.default.svc.cluster.local", 9080, "reviews:9080", method,
        q < 0 ? pathAndQuery : pathAndQuery.substring(0, q), query, headers);
  }

  @Test
  void ignoreUriCaseFoldsExactAndPrefixPathsButNotARegex() {
    RouteMatcher prefix = RouteMatchTranslation.translate(
        match(StringMatch.prefix("/API/"), null, Map.of(), Map.of(), Map.of(), true));
    assertEquals(StringMatcher.prefix("/API/", true), prefix.path());
    assertTrue(prefix.matches(request("GET", "/api/v1", Map.of())));
    RouteMatcher regex = RouteMatchTranslation.translate(
        match(StringMatch.regex("/API/.*"), null, Map.of(), Map.of(), Map.of(), true));
    assertFalse(regex.path().ignoreCase());
    assertFalse(regex.matches(request("GET", "/api/v1", Map.of())));
    assertTrue(regex.matches(request("GET", "/API/v1", Map.of())));
  }

  @Test
  void methodIsAPseudoHeaderMatcherAndWithoutHeadersAreInverted() {
    RouteMatcher m = RouteMatchTranslation.translate(match(null, StringMatch.exact("POST"),
        Map.of("end-user", StringMatch.present()), Map.of("x-canary", StringMatch.exact("1")), Map.of(), false));
    assertNull(m.path());
    assertEquals(List.of(new HeaderMatcher(":method", StringMatcher.exact("POST", false), false),
        new HeaderMatcher("end-user", null, false),
        new HeaderMatcher("x-canary", StringMatcher.exact("1", false), true)), m.headers());
    assertTrue(m.matches(request("POST", "/", Map.of("end-user", ""))), "present, and no x-canary at all");
    assertTrue(m.matches(request("POST", "/", Map.of("end-user", "jason", "x-canary", "2"))));
    assertFalse(m.matches(request("POST", "/", Map.of("end-user", "jason", "x-canary", "1"))), "inverted");
    assertFalse(m.matches(request("GET", "/", Map.of("end-user", "jason"))), ":method");
    assertFalse(m.matches(request("POST", "/", Map.of())), "present_match");
  }

  @Test
  void queryParametersMatchTheirFirstValueAndTwoTranslationsOfARegexAreEqual() {
    HttpMatchRequest block = match(null, null, Map.of(), Map.of(), Map.of("v", StringMatch.regex("[0-9]+")), false);
    RouteMatcher m = RouteMatchTranslation.translate(block);
    assertTrue(m.matches(request("GET", "/?v=42", Map.of())));
    assertFalse(m.matches(request("GET", "/?v=x", Map.of())));
    assertFalse(m.matches(request("GET", "/", Map.of())));
    HttpMatchRequest again = match(null, null, Map.of(), Map.of(), Map.of("v", StringMatch.regex("[0-9]+")), false);
    assertEquals(m, RouteMatchTranslation.translate(again), "the compiled pattern is not part of equality");
  }
}
