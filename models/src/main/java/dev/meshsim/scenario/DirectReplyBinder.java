package dev.meshsim.scenario;

import dev.meshsim.istio.HttpDirectReply;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An http route's {@code redirect} or {@code directResponse} (istio {@code HTTPRedirect}, {@code
 * HTTPDirectResponse}), validated as istiod validates them.
 */
final class DirectReplyBinder {
  /**
   * The codes istiod translates (istio {@code pilot/pkg/networking/core/route/route.go}): Envoy's
   * {@code RedirectAction.RedirectResponseCode} has exactly these. istiod's validation accepts any
   * 3xx, but leaves a route with another code without an action, so meshsim rejects it here.
   */
  static final List<Integer> REDIRECT_CODES = List.of(301, 302, 303, 307, 308);
  static final List<String> REDIRECT_KEYS = List.of("uri", "authority", "port", "derivePort", "scheme", "redirectCode");

  private DirectReplyBinder() {}

  /** The route's redirect or direct response, or null when it has neither. */
  static HttpDirectReply bind(YamlMap route) {
    if (route.has("redirect") && route.has("directResponse")) {
      throw route.failAtKey("directResponse", "a route cannot both redirect and answer directly (Istio rejects it)");
    }
    if (route.has("redirect")) {
      return redirect(route.required("redirect").asMap().allowOnly(REDIRECT_KEYS));
    }
    if (route.has("directResponse")) {
      return directResponse(route.required("directResponse").asMap().allowOnly("status", "body"));
    }
    return null;
  }

  private static HttpDirectReply redirect(YamlMap m) {
    int code = 301; // istio: redirectCode 0 or absent is MOVED_PERMANENTLY
    if (m.has("redirectCode")) {
      YamlNode node = m.required("redirectCode");
      int value = node.asInt(0);
      if (value != 0 && !REDIRECT_CODES.contains(value)) {
        throw node.fail(value + " is not a redirect code Istio supports; use 301, 302, 303, 307 or 308");
      }
      code = value == 0 ? 301 : value;
    }
    if (m.has("port") && m.has("derivePort")) {
      throw m.failAtKey("derivePort", "port and derivePort are alternatives (Istio rejects both)");
    }
    String scheme = m.string("scheme", "");
    String authority = m.string("authority", "");
    String port = m.optional("port").map(n -> ":" + n.asInt(1, 65535)).orElse("");
    String location = (scheme.isEmpty() ? "" : scheme + "://") + authority + port + m.string("uri", "");
    return new HttpDirectReply(code, true, location, 0);
  }

  /** istio validation: {@code status} in [200, 599]; a body is a string or base64 bytes. */
  private static HttpDirectReply directResponse(YamlMap m) {
    int status = m.required("status").asInt(200, 599);
    long bytes = 0;
    if (m.has("body")) {
      YamlMap body = m.required("body").asMap().allowOnly("string", "bytes");
      if (body.has("string") == body.has("bytes")) {
        throw m.failAtKey("body", "a body has exactly one of string and bytes");
      }
      bytes = body.has("string") ? body.string("string").getBytes(StandardCharsets.UTF_8).length
          : decoded(body.required("bytes"));
    }
    return new HttpDirectReply(status, false, "", bytes);
  }

  private static long decoded(YamlNode node) {
    try {
      return Base64.getDecoder().decode(node.asString()).length;
    } catch (IllegalArgumentException e) {
      throw node.fail("bytes must be base64, as a protobuf bytes field in YAML is");
    }
  }
}
