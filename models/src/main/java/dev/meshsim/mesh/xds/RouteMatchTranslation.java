package dev.meshsim.mesh.xds;

import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.mesh.routing.HeaderMatcher;
import dev.meshsim.mesh.routing.QueryParameterMatcher;
import dev.meshsim.mesh.routing.RouteMatcher;
import dev.meshsim.mesh.routing.StringMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Istio {@code HTTPMatchRequest} as Envoy's {@code RouteMatch}, translated as istiod's {@code
 * translateRouteMatch} does (istio {@code pilot/pkg/networking/core/route/route.go}): {@code uri}
 * becomes the path specifier ({@code path}, {@code prefix} or {@code safe_regex}) with {@code
 * ignoreUriCase} as {@code case_sensitive: false}; {@code headers} become header matchers (an empty
 * match is {@code present_match}), {@code withoutHeaders} inverted ones; {@code method}, {@code
 * authority} and {@code scheme} become matchers of the pseudo-headers {@code :method}, {@code
 * :authority} and {@code :scheme}; {@code queryParams} become query parameter matchers. The other
 * fields ({@code port}, {@code sourceLabels}, {@code sourceNamespace}, {@code gateways}) decide which
 * proxies and route configurations get the route, and stay with istiod.
 */
public final class RouteMatchTranslation {

  private RouteMatchTranslation() {
  }

  /** The Envoy route match for one match block. */
  public static RouteMatcher translate(HttpMatchRequest match) {
    List<HeaderMatcher> headers = new ArrayList<>();
    pseudoHeader(headers, ":scheme", match.scheme());
    pseudoHeader(headers, ":method", match.method());
    pseudoHeader(headers, ":authority", match.authority());
    headers(headers, match.headers(), false);
    headers(headers, match.withoutHeaders(), true);
    List<QueryParameterMatcher> query = new ArrayList<>();
    match.queryParams().forEach((name, m) -> query.add(new QueryParameterMatcher(name, stringMatcher(m, false))));
    return new RouteMatcher(match.uri() == null ? null : stringMatcher(match.uri(), match.ignoreUriCase()),
        headers, query);
  }

  private static void pseudoHeader(List<HeaderMatcher> out, String name, StringMatch m) {
    if (m != null) {
      out.add(new HeaderMatcher(name, stringMatcher(m, false), false));
    }
  }

  private static void headers(List<HeaderMatcher> out, Map<String, StringMatch> byName, boolean invert) {
    byName.forEach((name, m) -> out.add(new HeaderMatcher(name, stringMatcher(m, false), invert)));
  }

  /** Null for Istio's empty match ({@code present_match}); Envoy ignores the case of regexes. */
  private static StringMatcher stringMatcher(StringMatch m, boolean ignoreCase) {
    return switch (m.kind()) {
      case EXACT -> StringMatcher.exact(m.value(), ignoreCase);
      case PREFIX -> StringMatcher.prefix(m.value(), ignoreCase);
      case REGEX -> new StringMatcher(StringMatcher.Kind.SAFE_REGEX, m.value(), false, m.pattern());
      case PRESENT -> null;
    };
  }
}
