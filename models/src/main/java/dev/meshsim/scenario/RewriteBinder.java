package dev.meshsim.scenario;

import com.google.re2j.Pattern;
import dev.meshsim.istio.HeaderOperations;
import dev.meshsim.istio.Headers;
import dev.meshsim.istio.HttpRewrite;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A VirtualService route's {@code rewrite} and the {@code headers} of a route or destination,
 * checked as istiod's validation checks them ({@code validateHTTPRewrite}, {@code
 * ValidateHTTPHeaderName}): {@code uri} and {@code uriRegexRewrite} exclude each other, the regex
 * is RE2, header names are HTTP tokens (RFC 9110 §5.1; so no pseudo-header such as {@code
 * :authority}), values are single-line.
 */
final class RewriteBinder {
  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

  private RewriteBinder() {}

  /** The route's {@code rewrite}, or null. */
  static HttpRewrite rewrite(YamlMap route, Warnings warnings) {
    if (!route.has("rewrite")) {
      return null;
    }
    if (route.has("redirect")) {
      throw route.failAtKey("rewrite", "a route cannot both redirect and rewrite (Istio rejects it)");
    }
    YamlMap m = route.required("rewrite").asMap().allowOnly("uri", "authority", "uriRegexRewrite");
    if (m.has("uri") && m.has("uriRegexRewrite")) {
      throw m.failAtKey("uriRegexRewrite", "rewrite may have uri or uriRegexRewrite, not both (Istio rejects it)");
    }
    String uri = m.has("uri") ? path(m.required("uri")) : null;
    String authority = m.has("authority") ? singleLine(m.required("authority"), true) : null;
    Pattern regex = null;
    String substitution = null;
    if (m.has("uriRegexRewrite")) {
      YamlMap r = m.required("uriRegexRewrite").asMap().allowOnly("match", "rewrite");
      regex = Re2.compile(r.required("match"), warnings);
      substitution = singleLine(r.required("rewrite"), false);
    }
    if (uri == null && authority == null && regex == null) {
      throw route.failAtKey("rewrite", "rewrite must set uri, authority or uriRegexRewrite");
    }
    return new HttpRewrite(uri, authority, regex, substitution);
  }

  /** {@code key} ({@code headers}) of {@code m}: request and response operations; NONE if absent. */
  static Headers headers(YamlMap m, String key) {
    if (!m.has(key)) {
      return Headers.NONE;
    }
    YamlMap h = m.required(key).asMap().allowOnly("request", "response");
    return new Headers(operations(h, "request"), operations(h, "response"));
  }

  private static HeaderOperations operations(YamlMap h, String key) {
    if (!h.has(key)) {
      return HeaderOperations.NONE;
    }
    YamlMap ops = h.required(key).asMap().allowOnly("set", "add", "remove");
    List<String> remove = new ArrayList<>();
    for (YamlNode n : ops.list("remove")) {
      remove.add(name(n, n.asNonEmptyString()));
    }
    return new HeaderOperations(values(ops, "set"), values(ops, "add"), remove);
  }

  private static Map<String, String> values(YamlMap ops, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!ops.has(key)) {
      return out;
    }
    YamlMap values = ops.required(key).asMap();
    for (String raw : values.keys()) {
      String name = checkedName(raw, values, raw);
      if (out.put(name, singleLine(values.required(raw), false)) != null) {
        throw values.failAtKey(raw, "header " + name + " is named twice (names are case-insensitive)");
      }
    }
    return out;
  }

  /** A header name written as a list item, lower-cased as Envoy keeps it. */
  private static String name(YamlNode node, String raw) {
    if (!TOKEN.matcher(raw).matches()) {
      throw node.fail(tokenProblem(raw));
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  private static String checkedName(String raw, YamlMap where, String key) {
    if (!TOKEN.matcher(raw).matches()) {
      throw where.failAtKey(key, tokenProblem(raw));
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code name} is a valid HTTP header name (a token). */
  static boolean isToken(String name) {
    return TOKEN.matcher(name).matches();
  }

  static String tokenProblem(String raw) {
    return "header name " + YamlScalar.quote(raw) + " is not a valid HTTP header name (a token of letters, digits"
        + " and !#$%&'*+-.^_`|~; pseudo-headers such as :authority cannot be changed)";
  }

  private static String path(YamlNode node) {
    String uri = singleLine(node, true);
    if (!uri.startsWith("/")) {
      throw node.expected("a path starting with /");
    }
    return uri;
  }

  private static String singleLine(YamlNode node, boolean nonEmpty) {
    String s = nonEmpty ? node.asNonEmptyString() : node.asString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw node.fail("a header value or path cannot contain control characters (CR, LF …)");
      }
    }
    return s;
  }
}
