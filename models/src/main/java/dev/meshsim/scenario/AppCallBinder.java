package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The app side of a call: {@code propagate} (on a call, or on the deployment as the default of its
 * calls), and the app's own {@code timeout} and {@code retries}.
 */
final class AppCallBinder {
  /** RFC 9110 §5.6.2 {@code token}: what a header field name may be. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  /** productpage's {@code requests} retry loop tries twice; more than a handful is a typo. */
  static final int MAX_RETRIES = 10;

  private AppCallBinder() {}

  /**
   * The header names of {@code key} in {@code m}, lower-cased and in order, or {@code dflt} when
   * the key is absent. A name that is not an HTTP token, or a name listed twice, is an error.
   */
  static List<String> propagate(YamlMap m, String key, List<String> dflt) {
    if (!m.has(key)) {
      return dflt;
    }
    List<String> names = new ArrayList<>();
    for (YamlNode item : m.required(key).asList().items()) {
      String name = item.asString();
      if (!TOKEN.matcher(name).matches()) {
        throw item.fail(YamlScalar.quote(name) + " is not a valid HTTP header name (a token: letters, digits and"
            + " !#$%&'*+-.^_`|~, no spaces or colons)");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (names.contains(lower)) {
        throw item.fail("header " + YamlScalar.quote(lower) + " is listed twice (names are case-insensitive)");
      }
      names.add(lower);
    }
    return names;
  }

  /** The app's timeout for one attempt of a call: a duration above zero, 0 (none) when absent. */
  static long timeout(YamlMap call) {
    return Fields.positiveDuration(call, "timeout", 0);
  }

  /** How many more attempts the app makes after a failed one; 0 when absent. */
  static int retries(YamlMap call) {
    return call.optional("retries").map(n -> n.asInt(0, MAX_RETRIES)).orElse(0);
  }
}
