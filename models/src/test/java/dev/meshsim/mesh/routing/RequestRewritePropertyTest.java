package dev.meshsim.mesh.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import dev.meshsim.app.HttpRequestSpec;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** Rewrite invariants over generated paths. */
class RequestRewritePropertyTest {
  private static String rewritten(StringMatcher path, RequestRewrite rw, String requestPath) {
    WeightedCluster target = new WeightedCluster("c", 1, null);
    List<RouteMatcher> matchers = path == null ? List.of() : List.of(new RouteMatcher(path, List.of(), List.of()));
    Route route = new Route("r", matchers, List.of(target), 0, RetryPolicy.NONE, FaultPolicy.NONE, 0, List.of(), rw);
    HttpRequestSpec in = new HttpRequestSpec("a:80", "a.default.svc.cluster.local", 80, "GET", requestPath, Map.of());
    return RequestRewrite.apply(route, target, in, RequestAttributes.of(in)).path();
  }

  /** Envoy's prefix_rewrite keeps what follows the matched prefix, query string included. */
  @Property(tries = 200)
  void prefixRewrite_keepsTheRestOfThePath(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String prefix,
      @ForAll @AlphaChars @StringLength(max = 12) String rest, @ForAll @AlphaChars @StringLength(max = 6) String to) {
    String path = "/" + prefix + "/" + rest + "?q=" + rest;
    assertEquals("/" + to + "/" + rest + "?q=" + rest, rewritten(StringMatcher.prefix("/" + prefix + "/", false),
        new RequestRewrite("/" + to + "/", null, null, null, HeaderMutation.NONE), path));
  }

  /** A regex rewrite whose substitution is the whole match changes nothing; the query is never touched. */
  @Property(tries = 200)
  void identityRegexRewrite_changesNothing(@ForAll @AlphaChars @StringLength(max = 12) String a,
      @ForAll @AlphaChars @StringLength(max = 12) String q) {
    String path = "/" + a + "/x?" + q;
    assertEquals(path, rewritten(null, new RequestRewrite(null, null, Pattern.compile("^(/.*)$"), "\\1",
        HeaderMutation.NONE), path));
  }
}
