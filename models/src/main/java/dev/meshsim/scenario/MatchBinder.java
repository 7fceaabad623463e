package dev.meshsim.scenario;

import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A VirtualService's {@code HTTPMatchRequest}s and their {@code StringMatch}es. */
final class MatchBinder {

  static final List<String> MATCH_KEYS = List.of("name", "uri", "scheme", "method", "authority",
      "headers", "withoutHeaders", "queryParams", "port", "ignoreUriCase", "sourceLabels", "sourceNamespace",
      "gateways", "statPrefix");

  private MatchBinder() {}

  static HttpMatchRequest bind(YamlMap m, Warnings warnings) {
    m.allowOnly(MATCH_KEYS);
    warnings.notModelled(m, "statPrefix");
    return new HttpMatchRequest(
        m.string("name", ""),
        stringMatch(m.get("uri"), false, warnings),
        stringMatch(m.get("scheme"), false, warnings),
        stringMatch(m.get("method"), false, warnings),
        stringMatch(m.get("authority"), false, warnings),
        byName(m, "headers", true, warnings),
        byName(m, "withoutHeaders", true, warnings),
        byName(m, "queryParams", false, warnings),
        m.optional("port").map(n -> n.asInt(1, 65535)).orElse(null),
        m.bool("ignoreUriCase", false),
        m.stringMap("sourceLabels"),
        m.optional("sourceNamespace").map(YamlNode::asNonEmptyString).orElse(null),
        m.stringList("gateways"));
  }

  /**
   * A map of name to StringMatch, where an empty match means "present". Header names are
   * lower-cased as Envoy compares them; query parameter names are case-sensitive.
   */
  private static Map<String, StringMatch> byName(YamlMap parent, String key, boolean lowerCase,
      Warnings warnings) {
    Map<String, StringMatch> out = new LinkedHashMap<>();
    YamlNode node = parent.get(key);
    if (node == null) {
      return out;
    }
    YamlMap m = node.asMap();
    for (String name : m.keys()) {
      String k = lowerCase ? name.toLowerCase(Locale.ROOT) : name;
      if (out.containsKey(k)) {
        throw m.failAtKey(name, YamlScalar.quote(k) + " is matched twice (header names are case-insensitive)");
      }
      YamlNode value = m.get(name);
      out.put(k, value == null ? StringMatch.present() : stringMatch(value, true, warnings));
    }
    return out;
  }

  /** Exactly one of exact/prefix/regex; an empty map is allowed only where it means "present". */
  static StringMatch stringMatch(YamlNode node, boolean emptyMeansPresent, Warnings warnings) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly("exact", "prefix", "regex");
    long set = m.keys().stream().filter(m::has).count();
    if (set == 0 && emptyMeansPresent) {
      return StringMatch.present();
    }
    if (set != 1) {
      throw m.fail("a string match needs exactly one of exact, prefix or regex");
    }
    if (m.has("exact")) {
      return StringMatch.exact(m.required("exact").asString());
    }
    if (m.has("prefix")) {
      return StringMatch.prefix(m.required("prefix").asString());
    }
    YamlNode re = m.required("regex");
    return new StringMatch(StringMatch.Kind.REGEX, re.asString(), Re2.compile(re, warnings));
  }
}
