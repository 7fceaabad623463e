package dev.meshsim.app;

import java.util.Map;

/**
 * An HTTP request as an app or a load generator sends it.
 *
 * @param authority host[:port] as written, e.g. {@code reviews:9080} or {@code
 *     reviews.default.svc.cluster.local:9080}; short names resolve in the caller's namespace, as
 *     Kubernetes DNS does
 * @param host the resolved service FQDN
 * @param port the destination port
 * @param method HTTP method (default GET)
 * @param path the path, with any query string (default /)
 * @param headers request headers, names lower-case; ordered
 */
public record HttpRequestSpec(
    String authority, String host, int port, String method, String path, Map<String, String> headers) {

  public HttpRequestSpec {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }
}
