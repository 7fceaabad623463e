package dev.meshsim.scenario;

import com.google.re2j.Pattern;
import dev.meshsim.istio.HeaderOperations;
import dev.meshsim.istio.Headers;
import dev.meshsim.istio.HttpRewrite;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Gateway API rule's (or backendRef's) {@code filters}, translated as istiod does ({@code
 * pilot/pkg/config/kube/gateway/conversion.go}): {@code RequestHeaderModifier} and {@code
 * ResponseHeaderModifier} become the route's (or destination's) {@code headers}, {@code
 * URLRewrite} its {@code rewrite} ({@code hostname} the authority; {@code ReplaceFullPath} a regex
 * rewrite of the whole path; {@code ReplacePrefixMatch} a prefix rewrite of the matched path
 * prefix, written here as an anchored RE2 over the rule's prefixes, which gives the same path,
 * {@code /} removing the prefix). Other filter types are warned about and ignored.
 */
final class HttpRouteFilters {
  private static final List<String> FILTER_KEYS = List.of("type", "requestHeaderModifier", "responseHeaderModifier",
      "urlRewrite", "requestRedirect", "requestMirror", "extensionRef", "cors", "externalAuth");

  /** The translated filters: header operations and a rewrite (null for none). */
  record Translated(Headers headers, HttpRewrite rewrite) {}

  private HttpRouteFilters() {}

  /**
   * @param prefixes per match of the rule, its PathPrefix value without a trailing slash ({@code ""}
   *     for {@code /}), or null for another kind of path match
   */
  static Translated bind(YamlMap owner, List<String> prefixes, Warnings warnings, boolean backend) {
    HeaderOperations request = HeaderOperations.NONE;
    HeaderOperations response = HeaderOperations.NONE;
    HttpRewrite rewrite = null;
    for (YamlNode node : owner.list("filters")) {
      YamlMap f = node.asMap().allowOnly(FILTER_KEYS);
      String type = f.string("type");
      switch (type) {
        case "RequestHeaderModifier" -> request = modifier(f.required("requestHeaderModifier").asMap());
        case "ResponseHeaderModifier" -> response = modifier(f.required("responseHeaderModifier").asMap());
        case "URLRewrite" -> {
          if (backend) {
            throw f.failAtKey("type", "URLRewrite is a rule filter; Istio does not support it on a backendRef");
          }
          rewrite = urlRewrite(f.required("urlRewrite").asMap(), prefixes);
        }
        default -> warnings.add(node, "HTTPRoute filter " + type + " is not modelled yet; it is ignored");
      }
    }
    return new Translated(new Headers(request, response), rewrite);
  }

  private static HeaderOperations modifier(YamlMap m) {
    m.allowOnly("set", "add", "remove");
    List<String> remove = new ArrayList<>();
    for (YamlNode n : m.list("remove")) {
      remove.add(name(n));
    }
    return new HeaderOperations(values(m, "set"), values(m, "add"), remove);
  }

  private static Map<String, String> values(YamlMap m, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    for (YamlNode node : m.list(key)) {
      YamlMap h = node.asMap().allowOnly("name", "value");
      String name = name(h.required("name"));
      if (out.put(name, h.required("value").asString()) != null) {
        throw h.required("name").fail("header " + name + " is named twice in " + key);
      }
    }
    return out;
  }

  private static String name(YamlNode node) {
    String raw = node.asNonEmptyString();
    if (!RewriteBinder.isToken(raw)) {
      throw node.fail(RewriteBinder.tokenProblem(raw));
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  private static HttpRewrite urlRewrite(YamlMap m, List<String> prefixes) {
    m.allowOnly("hostname", "path");
    String authority = m.has("hostname") ? m.required("hostname").asNonEmptyString() : null;
    if (!m.has("path")) {
      return new HttpRewrite(null, authority, null, null);
    }
    YamlMap p = m.required("path").asMap().allowOnly("type", "replaceFullPath", "replacePrefixMatch");
    return switch (p.string("type")) {
      case "ReplaceFullPath" -> new HttpRewrite(null, authority, Pattern.compile("/.*"),
          p.required("replaceFullPath").asString());
      case "ReplacePrefixMatch" -> prefixRewrite(p, authority, prefixes);
      default -> throw p.required("type").expected("ReplaceFullPath or ReplacePrefixMatch");
    };
  }

  /** The matched prefix replaced, longest prefix first; {@code /} (or empty) removes it. */
  private static HttpRewrite prefixRewrite(YamlMap p, String authority, List<String> rulePrefixes) {
    String to = p.required("replacePrefixMatch").asString();
    if (rulePrefixes.contains(null)) {
      throw p.required("type").fail("ReplacePrefixMatch needs every match of the rule to be a PathPrefix match");
    }
    List<String> prefixes = new ArrayList<>(rulePrefixes);
    prefixes.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder re = new StringBuilder("^(?:");
    for (int i = 0; i < prefixes.size(); i++) {
      re.append(i == 0 ? "" : "|").append(Pattern.quote(prefixes.get(i)));
    }
    re.append(')');
    String trimmed = to.endsWith("/") ? to.substring(0, to.length() - 1) : to;
    if (trimmed.isEmpty()) {
      return new HttpRewrite(null, authority, Pattern.compile(re + "(?:/|$)"), "/");
    }
    return new HttpRewrite(null, authority, Pattern.compile(re.toString()), trimmed.replace("\\", "\\\\"));
  }
}
