package dev.meshsim.mesh.routing;

import dev.meshsim.app.HttpRequestSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of an HTTP request that Envoy's route matching reads, parsed once per request template
 * (a load generator or an app call sends the same template many times).
 *
 * @param host the destination service FQDN (the virtual host's domain)
 * @param port the destination port (the outbound listener)
 * @param authority the Host/:authority header as sent
 * @param method the :method
 * @param path the :path without the query string
 * @param query query parameters (first value wins, as Envoy's {@code query_parameters} match does)
 * @param headers request headers, names lower-case
 * @param virtualHostKey {@code host:port}, the route configuration's key, built once
 */
public record RequestAttributes(
    String host,
    int port,
    String authority,
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String virtualHostKey) {

  /** Attributes with the virtual-host key derived from {@code host} and {@code port}. */
  public RequestAttributes(String host, int port, String authority, String method, String path,
      Map<String, String> query, Map<String, String> headers) {
    this(host, port, authority, method, path, query, headers, RouteConfiguration.key(host, port));
  }

  public static RequestAttributes of(HttpRequestSpec spec) {
    String full = spec.path();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    Map<String, String> query = q < 0 ? Map.of() : parseQuery(full.substring(q + 1));
    return new RequestAttributes(spec.host(), spec.port(), spec.authority(), spec.method(), path,
        query, spec.headers());
  }

  /**
   * The header {@code name} (lower case) as Envoy's header matchers read it: the pseudo-headers
   * {@code :method}, {@code :authority} and {@code :scheme} (always {@code http}: a sidecar's
   * outbound request is plain HTTP; mTLS is below it), else the request header, null when absent.
   */
  public String header(String name) {
    return switch (name) {
      case ":method" -> method;
      case ":authority" -> authority;
      case ":scheme" -> "http";
      default -> headers.get(name);
    };
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.putIfAbsent(name, value);
    }
    return Collections.unmodifiableMap(params);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
