package dev.meshsim.istio;

import com.google.re2j.Pattern;

/**
 * Istio's {@code StringMatch}: exactly one of exact, prefix or regex; or, for headers only, an empty
 * match meaning "present". Regexes are RE2 in Envoy ({@code safe_regex} with the {@code google_re2}
 * engine) and re2j here, a Java port of RE2: the same syntax, and matching in time linear in the
 * input, so no header or path can make routing backtrack. Fully anchored, as Envoy's {@code
 * safe_regex} match is.
 *
 * @param kind which comparison
 * @param value the string to compare with (empty for PRESENT)
 * @param pattern the compiled regex for REGEX, else null
 */
public record StringMatch(Kind kind, String value, Pattern pattern) {

  public enum Kind { EXACT, PREFIX, REGEX, PRESENT }

  public static StringMatch exact(String v) {
    return new StringMatch(Kind.EXACT, v, null);
  }

  public static StringMatch prefix(String v) {
    return new StringMatch(Kind.PREFIX, v, null);
  }

  public static StringMatch regex(String v) {
    return new StringMatch(Kind.REGEX, v, Pattern.compile(v));
  }

  public static StringMatch present() {
    return new StringMatch(Kind.PRESENT, "", null);
  }

  /** Whether {@code actual} (null when absent) matches. */
  public boolean matches(String actual, boolean ignoreCase) {
    if (actual == null) {
      return false;
    }
    return switch (kind) {
      case EXACT -> ignoreCase ? actual.equalsIgnoreCase(value) : actual.equals(value);
      case PREFIX -> actual.regionMatches(ignoreCase, 0, value, 0, value.length());
      case REGEX -> pattern.matcher(actual).matches();
      case PRESENT -> true;
    };
  }
}
