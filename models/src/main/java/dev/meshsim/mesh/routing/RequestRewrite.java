package dev.meshsim.mesh.routing;

import dev.meshsim.istio.HeaderOperations;
import dev.meshsim.istio.HttpRewrite;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.scenario.HttpRequestSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route changes in a request before the client sidecar sends it upstream, in the order of
 * Envoy's {@code RouteEntryImplBase::finalizeRequestHeaders} ({@code
 * source/common/router/config_impl.cc}): header operations, the weighted cluster's first, then the
 * route's (Envoy's default, {@code most_specific_header_mutations_wins: false}, lets the less
 * specific level overwrite), each removing before it sets and appends ({@code HeaderParser}); then
 * the host rewrite; then the path rewrite: {@code prefix_rewrite} replaces the part of the path the
 * route matched, {@code regex_rewrite} replaces every match of its RE2 in the path (query string
 * kept), with {@code \1} … for groups, as {@code RE2::GlobalReplace} does.
 *
 * @param rewrite the VirtualService's {@code rewrite}, or null
 * @param requestHeaders the route's request header operations
 */
public record RequestRewrite(HttpRewrite rewrite, HeaderOperations requestHeaders) {

  /** Null when neither changes anything: the data path then skips rewriting altogether. */
  public static RequestRewrite of(HttpRewrite rewrite, HeaderOperations requestHeaders) {
    return rewrite == null && requestHeaders.isNone() ? null : new RequestRewrite(rewrite, requestHeaders);
  }

  /**
   * {@code spec} as sent upstream to {@code target} by {@code route} (whose {@code rewrite} may be
   * null when only the destination has header operations).
   */
  public static HttpRequestSpec apply(Route route, WeightedCluster target, HttpRequestSpec spec,
      RequestAttributes attributes) {
    Map<String, String> headers = new LinkedHashMap<>(spec.headers());
    apply(target.requestHeaders(), headers);
    RequestRewrite r = route.rewrite();
    String authority = spec.authority();
    String path = spec.path();
    if (r != null) {
      apply(r.requestHeaders(), headers);
      HttpRewrite rw = r.rewrite();
      if (rw != null && rw.authority() != null) {
        authority = rw.authority();
        headers.computeIfPresent("host", (k, v) -> rw.authority());
      }
      if (rw != null && rw.uri() != null) {
        path = rw.uri() + path.substring(matchedLength(route.matcherFor(attributes), path));
      } else if (rw != null && rw.uriRegex() != null) {
        int q = path.indexOf('?');
        String bare = q < 0 ? path : path.substring(0, q);
        path = rw.uriRegex().matcher(bare).replaceAll(substitution(rw.uriRegexRewrite())) + (q < 0 ? "" : path.substring(q));
      }
    }
    return new HttpRequestSpec(authority, spec.host(), spec.port(), spec.method(), path, headers);
  }

  /** How much of the path {@code prefix_rewrite} replaces: the matched prefix, the whole path, or {@code /}. */
  private static int matchedLength(RouteMatcher matcher, String path) {
    StringMatch uri = matcher == null ? null : matcher.match().uri();
    if (uri == null) {
      return 1; // Istio's catch-all route matches prefix "/"
    }
    if (uri.kind() == StringMatch.Kind.PREFIX) {
      return Math.min(uri.value().length(), path.length());
    }
    int q = path.indexOf('?');
    return q < 0 ? path.length() : q; // exact or regex: the whole path, the query string kept
  }

  private static void apply(HeaderOperations ops, Map<String, String> headers) {
    ops.remove().forEach(headers::remove);
    headers.putAll(ops.set());
    // APPEND_IF_EXISTS_OR_ADD: a second value of the same header, which a matcher reads joined by ","
    ops.add().forEach((name, value) -> headers.merge(name, value, (old, v) -> old + "," + v));
  }

  /** RE2's {@code \1} substitution in re2j's {@code $1} syntax, literal {@code $} escaped. */
  static String substitution(String re2) {
    StringBuilder out = new StringBuilder(re2.length());
    for (int i = 0; i < re2.length(); i++) {
      char c = re2.charAt(i);
      if (c == '\\' && i + 1 < re2.length() && Character.isDigit(re2.charAt(i + 1))) {
        out.append('$').append(re2.charAt(++i));
      } else if (c == '\\' && i + 1 < re2.length() && re2.charAt(i + 1) == '\\') {
        out.append("\\\\");
        i++;
      } else if (c == '$') {
        out.append("\\$");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
