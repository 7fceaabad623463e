package dev.meshsim.mesh.routing;

import com.google.re2j.Pattern;
import java.util.Objects;

/**
 * Envoy's {@code type.matcher.v3.StringMatcher} as a route holds it: {@code exact}, {@code prefix} or
 * {@code safe_regex} (RE2; re2j here, the same syntax and linear-time matching), with {@code
 * ignore_case}, which Envoy applies to exact and prefix matches only. A regex is fully anchored, as
 * Envoy's {@code safe_regex} match is.
 *
 * <p>Equal when kind, value and case rule are equal: the compiled pattern follows from the value, so
 * two translations of one Istio match compare equal.
 *
 * @param kind which comparison
 * @param value the string to compare with, or the regex
 * @param ignoreCase compare exact and prefix matches without regard to case
 * @param regex the compiled regex for {@code SAFE_REGEX}, else null
 */
public record StringMatcher(Kind kind, String value, boolean ignoreCase, Pattern regex) {

  public enum Kind { EXACT, PREFIX, SAFE_REGEX }

  public StringMatcher {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if ((kind == Kind.SAFE_REGEX) != (regex != null)) {
      throw new IllegalArgumentException("a compiled regex goes with SAFE_REGEX, and only with it");
    }
  }

  public static StringMatcher exact(String value, boolean ignoreCase) {
    return new StringMatcher(Kind.EXACT, value, ignoreCase, null);
  }

  public static StringMatcher prefix(String value, boolean ignoreCase) {
    return new StringMatcher(Kind.PREFIX, value, ignoreCase, null);
  }

  /** A regex, compiled once; {@code ignore_case} has no effect on it in Envoy, so none is taken. */
  public static StringMatcher safeRegex(String regex) {
    return new StringMatcher(Kind.SAFE_REGEX, regex, false, Pattern.compile(regex));
  }

  /** Whether {@code actual} matches; an absent value (null) matches nothing. */
  public boolean matches(String actual) {
    if (actual == null) {
      return false;
    }
    return switch (kind) {
      case EXACT -> ignoreCase ? actual.equalsIgnoreCase(value) : actual.equals(value);
      case PREFIX -> actual.regionMatches(ignoreCase, 0, value, 0, value.length());
      case SAFE_REGEX -> regex.matcher(actual).matches();
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StringMatcher m && kind == m.kind && value.equals(m.value) && ignoreCase == m.ignoreCase;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value, ignoreCase);
  }
}
