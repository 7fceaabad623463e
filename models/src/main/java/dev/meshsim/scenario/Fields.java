package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import com.google.re2j.Pattern;

/** Scenario-specific typed access on top of the generic YAML helpers. */
final class Fields {

  /**
   * A Kubernetes DNS-1123 label: Service, namespace and Deployment names are used in FQDNs and pod
   * names, so a dot or a capital would break target resolution.
   */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");

  private Fields() {}

  static long duration(YamlNode node) {
    return node.parse("a duration", Durations::parseNanos);
  }

  static long duration(YamlMap map, String key, long dflt) {
    return map.optional(key).map(Fields::duration).orElse(dflt);
  }

  /** A duration that must be above zero (a period or a timeout), or {@code dflt} if absent. */
  static long positiveDuration(YamlMap m, String key, long dflt) {
    if (!m.has(key)) {
      return dflt;
    }
    long v = duration(m.required(key));
    if (v <= 0) {
      throw m.required(key).fail(key + " must be > 0");
    }
    return v;
  }

  /** A rate in events per second. */
  static double rate(YamlNode node) {
    return node.parse("a rate", Durations::parseRatePerSecond);
  }

  /** A required DNS-1123 label (lower-case letters, digits and '-', at most 63 characters). */
  static String dnsLabel(YamlMap map, String key) {
    return checkDnsLabel(map.required(key));
  }

  /** An optional DNS-1123 label. */
  static String dnsLabel(YamlMap map, String key, String dflt) {
    return map.optional(key).map(Fields::checkDnsLabel).orElse(dflt);
  }

  private static String checkDnsLabel(YamlNode node) {
    String s = node.asString();
    if (!DNS_LABEL.matcher(s).matches()) {
      throw node.expected("a DNS label (lower-case letters, digits and '-', starting and ending with a letter"
          + " or digit, at most 63 characters)");
    }
    return s;
  }

  /** A pod's optional {@code locality}, {@code region[/zone[/subzone]]}; {@link Locality#NONE} if absent. */
  static Locality locality(YamlMap map) {
    return map.optional("locality").map(node -> {
      try {
        return Locality.parse(node.asString());
      } catch (IllegalArgumentException e) {
        throw node.expected("a locality region[/zone[/subzone]] (" + e.getMessage() + ")");
      }
    }).orElse(Locality.NONE);
  }

  /** An HTTP path: must start with '/'. */
  static String httpPath(YamlMap map, String key) {
    YamlNode node = map.get(key);
    if (node == null) {
      return "/";
    }
    String s = node.asString();
    if (!s.startsWith("/")) {
      throw node.expected("a path starting with '/'");
    }
    return s;
  }

  /** An HTTP method token, e.g. GET. */
  static String httpMethod(YamlMap map, String key) {
    YamlNode node = map.get(key);
    if (node == null) {
      return "GET";
    }
    String s = node.asString();
    if (!METHOD.matches(s)) {
      throw node.expected("an HTTP method such as GET or POST");
    }
    return s;
  }
}
