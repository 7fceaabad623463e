package dev.meshsim.mesh.routing;

import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.StringMatch;
import java.util.Map;

/**
 * One compiled {@code HTTPMatchRequest}: all set conditions must hold (AND). {@code sourceLabels},
 * {@code sourceNamespace} and {@code gateways} are not here: Istio applies them when it generates a
 * proxy's config, not per request (see {@link RouteConfigGenerator}).
 */
public record RouteMatcher(HttpMatchRequest match) {

  public boolean matches(RequestAttributes request) {
    return matchesOrUnset(match.uri(), request.path(), match.ignoreUriCase())
        && matchesOrUnset(match.scheme(), "http", false)
        && matchesOrUnset(match.method(), request.method(), false)
        && matchesOrUnset(match.authority(), request.authority(), false)
        && (match.port() == null || match.port() == request.port())
        && allMatch(match.headers(), request.headers())
        && noneMatch(match.withoutHeaders(), request.headers())
        && allMatch(match.queryParams(), request.query());
  }

  private static boolean matchesOrUnset(StringMatch m, String actual, boolean ignoreCase) {
    // Envoy's ignore_case applies to exact and prefix path matches only (Istio ignoreUriCase).
    boolean caseless = ignoreCase && m != null && m.kind() != StringMatch.Kind.REGEX;
    return m == null || m.matches(actual, caseless);
  }

  private static boolean allMatch(Map<String, StringMatch> wanted, Map<String, String> actual) {
    for (Map.Entry<String, StringMatch> e : wanted.entrySet()) {
      if (!e.getValue().matches(actual.get(e.getKey()), false)) {
        return false;
      }
    }
    return true;
  }

  private static boolean noneMatch(Map<String, StringMatch> unwanted, Map<String, String> actual) {
    for (Map.Entry<String, StringMatch> e : unwanted.entrySet()) {
      if (e.getValue().matches(actual.get(e.getKey()), false)) {
        return false;
      }
    }
    return true;
  }
}
