package dev.meshsim.mesh.routing;

import java.util.List;

/**
 * Envoy's {@code config.route.v3.RouteMatch}, one per Istio match block: the path specifier ({@code
 * path}, {@code prefix} or {@code safe_regex}, with {@code case_sensitive} folded into it), header
 * matchers and query parameter matchers, all of which must hold (AND). istiod builds it ({@code
 * mesh.xds.RouteMatchTranslation}); Istio's {@code sourceLabels}, {@code sourceNamespace}, {@code
 * gateways} and {@code port} are not here: istiod applies them when it chooses which proxies and
 * which route configurations get the route, not per request.
 *
 * @param path the path match, or null for any path
 * @param headers header matchers, pseudo-headers included
 * @param queryParameters query parameter matchers
 */
public record RouteMatcher(StringMatcher path, List<HeaderMatcher> headers,
    List<QueryParameterMatcher> queryParameters) {

  public RouteMatcher {
    headers = List.copyOf(headers);
    queryParameters = List.copyOf(queryParameters);
  }

  public boolean matches(RequestAttributes request) {
    if (path != null && !path.matches(request.path())) {
      return false;
    }
    for (HeaderMatcher h : headers) {
      if (!h.matches(request)) {
        return false;
      }
    }
    for (QueryParameterMatcher q : queryParameters) {
      if (!q.matches(request)) {
        return false;
      }
    }
    return true;
  }
}
