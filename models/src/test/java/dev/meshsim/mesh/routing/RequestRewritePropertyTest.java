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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** Rewrite invariants over generated paths. */
class RequestRewritePropertyTest {
  private static String rewritten(StringMatch uri, HttpRewrite rw, String path) {
    HttpMatchRequest match = new HttpMatchRequest(null, uri, null, null, null, Map.of(), Map.of(), Map.of(), null,
        false, Map.of(), null, List.of());
    WeightedCluster target = new WeightedCluster("c", 1, null);
    Route route = new Route("r", List.of(new RouteMatcher(match)), List.of(target), 0, RetryPolicy.NONE,
        FaultPolicy.NONE, 0, List.of(), RequestRewrite.of(rw, HeaderOperations.NONE));
    HttpRequestSpec in = new HttpRequestSpec("a:80", "a.default.svc.cluster.local", 80, "GET", path, Map.of());
    return RequestRewrite.apply(route, target, in, RequestAttributes.of(in)).path();
  }

  /** Envoy's prefix_rewrite keeps what follows the matched prefix, query string included. */
  @Property(tries = 200)
  void prefixRewrite_keepsTheRestOfThePath(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String prefix,
      @ForAll @AlphaChars @StringLength(max = 12) String rest, @ForAll @AlphaChars @StringLength(max = 6) String to) {
    String path = "/" + prefix + "/" + rest + "?q=" + rest;
    assertEquals("/" + to + "/" + rest + "?q=" + rest,
        rewritten(StringMatch.prefix("/" + prefix + "/"), new HttpRewrite("/" + to + "/", null, null, null), path));
  }

  /** A regex rewrite whose substitution is the whole match changes nothing; the query is never touched. */
  @Property(tries = 200)
  void identityRegexRewrite_changesNothing(@ForAll @AlphaChars @StringLength(max = 12) String a,
      @ForAll @AlphaChars @StringLength(max = 12) String q) {
    String path = "/" + a + "/x?" + q;
    assertEquals(path, rewritten(null, new HttpRewrite(null, null, Pattern.compile("^(/.*)$"), "\\1"), path));
  }
}
