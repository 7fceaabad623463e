package dev.meshsim.testkit;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as a client app sends it to its sidecar: what Envoy's route matching reads, the
 * client workload that sends it, and the value that picks among weighted clusters. Immutable; the
 * withers return copies.
 *
 * <pre>{@code
 * Request.get("reviews:9080", "/reviews/1").header("end-user", "jason").from("productpage-v1")
 * }</pre>
 *
 * @param method the {@code :method}
 * @param authority {@code host[:port]} as sent; a short name resolves in the client's namespace, as
 *     Kubernetes DNS resolves it; without a port the service's only port is meant
 * @param path the {@code :path}, with any query string
 * @param headers request headers, names lower-case, sorted
 * @param source the client workload's name (a Deployment or load of the scenario), or null for an
 *     unlabelled pod in {@code default}
 * @param randomValue picks the weighted cluster as router_check_tool's {@code random_value} does:
 *     {@code randomValue % totalWeight} falls into one cluster's range
 */
public record Request(
    String method, String authority, String path, Map<String, String> headers, String source, long randomValue) {

  public Request {
    if (method == null || method.isEmpty() || authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException("a request needs a method and an authority");
    }
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("the path must start with '/': " + path);
    }
    TreeMap<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    headers = Collections.unmodifiableSortedMap(lower);
  }

  public static Request get(String authority, String path) {
    return of("GET", authority, path);
  }

  public static Request of(String method, String authority, String path) {
    return new Request(method, authority, path, Map.of(), null, 0);
  }

  public Request header(String name, String value) {
    TreeMap<String, String> h = new TreeMap<>(headers);
    h.put(name.toLowerCase(Locale.ROOT), value);
    return new Request(method, authority, path, h, source, randomValue);
  }

  public Request headers(Map<String, String> all) {
    return new Request(method, authority, path, all, source, randomValue);
  }

  public Request method(String m) {
    return new Request(m, authority, path, headers, source, randomValue);
  }

  public Request path(String p) {
    return new Request(method, authority, p, headers, source, randomValue);
  }

  /** The same request from another client workload. */
  public Request from(String workload) {
    return new Request(method, authority, path, headers, workload, randomValue);
  }

  public Request random(long value) {
    return new Request(method, authority, path, headers, source, value);
  }

  /** The host part of the authority, lower-case. */
  public String host() {
    int colon = authority.lastIndexOf(':');
    return (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  /** The port of the authority, or -1 when it names none. */
  public int port() {
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      return -1;
    }
    int port = 0;
    int digits = authority.length() - colon - 1;
    for (int i = colon + 1; i < authority.length(); i++) {
      char c = authority.charAt(i);
      port = c >= '0' && c <= '9' ? port * 10 + (c - '0') : -1;
      if (port < 0) {
        break;
      }
    }
    if (digits < 1 || digits > 5 || port < 1 || port > 65535) {
      throw new IllegalArgumentException("invalid port in authority " + authority + "; expected 1 to 65535");
    }
    return port;
  }

  /** {@code GET reviews:9080/reviews/1 [end-user=jason] from productpage-v1}, for reports. */
  @Override
  public String toString() {
    return method + " " + authority + path + (headers.isEmpty() ? "" : " " + headers)
        + (source == null ? "" : " from " + source) + (randomValue == 0 ? "" : " random=" + randomValue);
  }
}
