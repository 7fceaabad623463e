package dev.meshsim.mesh.routing;

import com.google.re2j.Pattern;
import dev.meshsim.app.HttpRequestSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route changes in a request before the client sidecar sends it upstream, in the order of
 * Envoy's {@code RouteEntryImplBase::finalizeRequestHeaders} ({@code
 * source/common/router/config_impl.cc}): header mutations, the weighted cluster's first, then the
 * route's (Envoy's default, {@code most_specific_header_mutations_wins: false}, lets the less
 * specific level overwrite); then the host rewrite; then the path rewrite: {@code prefix_rewrite}
 * replaces the part of the path the route matched, {@code regex_rewrite} replaces every match of its
 * RE2 in the path (query string kept), with {@code \1} … for groups, as {@code RE2::GlobalReplace}
 * does.
 *
 * @param prefixRewrite {@code prefix_rewrite}, or null
 * @param hostRewrite {@code host_rewrite_literal}, or null
 * @param regex {@code regex_rewrite.pattern}, or null
 * @param substitution {@code regex_rewrite.substitution} (RE2 syntax)
 * @param headers the route's request header mutation
 */
public record RequestRewrite(String prefixRewrite, String hostRewrite, Pattern regex, String substitution,
    HeaderMutation headers) {

  public RequestRewrite {
    headers = headers == null ? HeaderMutation.NONE : headers;
  }

  /** Whether it changes nothing: the data path then skips rewriting altogether. */
  public boolean isNone() {
    return prefixRewrite == null && hostRewrite == null && regex == null && headers.isNone();
  }

  /**
   * {@code spec} as sent upstream to {@code target} by {@code route} (whose {@code rewrite} may be
   * null when only the destination has header mutations).
   */
  public static HttpRequestSpec apply(Route route, WeightedCluster target, HttpRequestSpec spec,
      RequestAttributes attributes) {
    Map<String, String> headers = new LinkedHashMap<>(spec.headers());
    target.requestHeaders().applyTo(headers);
    RequestRewrite r = route.rewrite();
    String authority = spec.authority();
    String path = spec.path();
    if (r != null) {
      r.headers().applyTo(headers);
      if (r.hostRewrite() != null) {
        authority = r.hostRewrite();
        headers.computeIfPresent("host", (k, v) -> r.hostRewrite());
      }
      if (r.prefixRewrite() != null) {
        path = r.prefixRewrite() + path.substring(matchedLength(route.matcherFor(attributes), path));
      } else if (r.regex() != null) {
        int q = path.indexOf('?');
        String bare = q < 0 ? path : path.substring(0, q);
        path = r.regex().matcher(bare).replaceAll(substitution(r.substitution())) + (q < 0 ? "" : path.substring(q));
      }
    }
    return new HttpRequestSpec(authority, spec.host(), spec.port(), spec.method(), path, headers);
  }

  /** How much of the path {@code prefix_rewrite} replaces: the matched prefix, the whole path, or {@code /}. */
  private static int matchedLength(RouteMatcher matcher, String path) {
    StringMatcher uri = matcher == null ? null : matcher.path();
    if (uri == null) {
      return 1; // Istio's catch-all route matches prefix "/"
    }
    if (uri.kind() == StringMatcher.Kind.PREFIX) {
      return Math.min(uri.value().length(), path.length());
    }
    int q = path.indexOf('?');
    return q < 0 ? path.length() : q; // exact or regex: the whole path, the query string kept
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
