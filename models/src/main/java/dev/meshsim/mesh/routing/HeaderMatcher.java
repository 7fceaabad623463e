package dev.meshsim.mesh.routing;

import java.util.Objects;

/**
 * Envoy's {@code config.route.v3.HeaderMatcher}: the request header {@code name} (lower case; the
 * pseudo-headers {@code :method}, {@code :authority} and {@code :scheme} included) matches {@code
 * match}, or, with {@code match} null, is present ({@code present_match}); {@code invert_match}
 * turns the result round, so an absent header satisfies an inverted string match (Istio's {@code
 * withoutHeaders}).
 *
 * @param name the header name
 * @param match the string match, or null for {@code present_match}
 * @param invertMatch whether the result is inverted
 */
public record HeaderMatcher(String name, StringMatcher match, boolean invertMatch) {

  public HeaderMatcher {
    Objects.requireNonNull(name, "name");
  }

  public boolean matches(RequestAttributes request) {
    String value = request.header(name);
    boolean matched = match == null ? value != null : match.matches(value);
    return matched != invertMatch;
  }
}
