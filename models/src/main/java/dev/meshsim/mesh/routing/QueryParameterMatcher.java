package dev.meshsim.mesh.routing;

import java.util.Objects;

/**
 * Envoy's {@code config.route.v3.QueryParameterMatcher}: the query parameter {@code name} (its first
 * value) matches {@code match}, or, with {@code match} null, is present ({@code present_match}).
 *
 * @param name the parameter name
 * @param match the string match, or null for {@code present_match}
 */
public record QueryParameterMatcher(String name, StringMatcher match) {

  public QueryParameterMatcher {
    Objects.requireNonNull(name, "name");
  }

  public boolean matches(RequestAttributes request) {
    String value = request.query().get(name);
    return match == null ? value != null : match.matches(value);
  }
}
