package dev.meshsim.scenario;

import dev.meshsim.yaml.Suggestions;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.Arrays;
import java.util.List;

/**
 * Typed access to Istio API fields, where unset must stay distinguishable from zero: every getter
 * returns null for an absent key. Checks follow istiod's validation
 * (pkg/config/validation/validation.go), so that what istiod would reject is an error here.
 */
final class IstioFields {

  private static final long MS = 1_000_000L;

  private IstioFields() {}

  /** A duration, or null; any length >= 0 (fields istiod does not check, e.g. a cookie's ttl). */
  static Long duration(YamlMap m, String key) {
    return m.optional(key).map(Fields::duration).orElse(null);
  }

  /**
   * A duration istiod checks with {@code ValidateDuration}: at least 1ms and a whole number of
   * milliseconds. So {@code timeout: 0s} is rejected, as istiod rejects it.
   */
  static Long checkedDuration(YamlMap m, String key) {
    YamlNode node = m.get(key);
    if (node == null) {
      return null;
    }
    long nanos = Fields.duration(node);
    if (nanos < MS) {
      throw node.fail("duration must be at least 1ms (istiod rejects shorter ones), got " + Durations.format(nanos));
    }
    if (nanos % MS != 0) {
      throw node.fail("duration must be a whole number of milliseconds (istiod supports ms precision only), got "
          + Durations.format(nanos));
    }
    return nanos;
  }

  /** A whole number in [min, max], or null. */
  static Integer integer(YamlMap m, String key, int min, int max) {
    return m.optional(key).map(n -> n.asInt(min, max)).orElse(null);
  }

  /**
   * A proto3 {@code int32} that Istio sends only when > 0: must be >= 0 (istiod: "must be
   * non-negative"), and an explicit 0 is read as null, since it means the same as unset.
   */
  static Integer limit(YamlMap m, String key) {
    Integer v = integer(m, key, 0, Integer.MAX_VALUE);
    return v == null || v == 0 ? null : v;
  }

  /** true, false or null. */
  static Boolean bool(YamlMap m, String key) {
    return m.optional(key).map(YamlNode::asBool).orElse(null);
  }

  /** A non-empty string, or null. */
  static String string(YamlMap m, String key) {
    return m.optional(key).map(YamlNode::asNonEmptyString).orElse(null);
  }

  /** One of an enum's constants, written by name as in Istio's YAML; a typo gets a suggestion. */
  static <E extends Enum<E>> E enumValue(YamlNode node, Class<E> type) {
    String s = node.asString();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    throw node.fail("expected one of " + String.join(", ", names) + ", got " + node.describe()
        + Suggestions.didYouMean(s, names));
  }

  /**
   * Istio's {@code Percent} message, {@code {value: 12.5}}, or null. istiod accepts 0 and
   * [0.0001, 100] ({@code validatePercentage}).
   */
  static Double percentage(YamlMap m, String key) {
    YamlNode node = m.get(key);
    if (node == null) {
      return null;
    }
    YamlMap p = node.asMap().allowOnly("value");
    YamlNode value = p.get("value");
    double v = value == null ? 0 : value.asDouble(-Double.MAX_VALUE, Double.MAX_VALUE);
    if (v < 0 || v > 100 || (v > 0 && v < 0.0001)) {
      throw value.fail("percentage " + value.asString() + " is neither 0 nor in [0.0001, 100]");
    }
    return v;
  }

  /** A proto oneof: at most one of {@code keys}; the error is at the second one set. */
  static void atMostOne(YamlMap m, String... keys) {
    String first = null;
    for (String key : m.keys()) {
      if (Arrays.asList(keys).contains(key) && m.has(key)) {
        if (first != null) {
          throw m.failAtKey(key, key + " cannot be set together with " + first + " (only one of "
              + String.join(", ", keys) + " may be set)");
        }
        first = key;
      }
    }
  }
}
