package dev.meshsim.mesh.upstream;

import dev.meshsim.mesh.routing.RequestAttributes;
import java.util.Locale;

/**
 * The route hash policy istiod derives from a DestinationRule's {@code consistentHash} key (istio
 * {@code consistentHashToHashPolicy}, translated in {@code xds.ClusterPolicies}) and what Envoy
 * hashes for it ({@code hash_policy.cc}): the
 * value is hashed with xxHash64, seed 0; when the key is absent the request has no hash and the
 * hashing balancer picks at random.
 *
 * <ul>
 *   <li>{@code httpHeaderName}: the header's value;
 *   <li>{@code httpCookie}: the cookie's value in the {@code cookie} header. Envoy generates the
 *       cookie (and hashes that) when it is absent and a {@code ttl} is set; meshsim's clients never
 *       store cookies, so this is not modelled: without the cookie the request has no hash;
 *   <li>{@code useSourceIp}: the client pod's IP (the downstream address of the client sidecar's
 *       outbound listener), without the port;
 *   <li>{@code httpQueryParameterName}: the parameter's first value (meshsim hashes the
 *       percent-decoded value, Envoy the raw one; either pins a key to a host).
 * </ul>
 *
 * @param source what is hashed
 * @param name the header (lower-case), cookie or query parameter name; null for the source IP
 */
public record HashPolicy(Source source, String name) {

  public enum Source { HEADER, COOKIE, SOURCE_IP, QUERY_PARAMETER }

  public HashPolicy {
    if (source == null || (source != Source.SOURCE_IP && (name == null || name.isEmpty()))) {
      throw new IllegalArgumentException("hash policy " + source + " needs a name");
    }
    if (source == Source.HEADER) {
      name = name.toLowerCase(Locale.ROOT);
    }
  }

  /** The request's hash, or {@link LoadBalancer#NO_HASH} when the key is absent. */
  public long hash(RequestAttributes request, String sourceIp) {
    String value = switch (source) {
      case HEADER -> request.headers().get(name);
      case COOKIE -> cookie(request.headers().get("cookie"), name);
      case SOURCE_IP -> sourceIp == null || sourceIp.isEmpty() ? null : sourceIp;
      case QUERY_PARAMETER -> request.query().get(name);
    };
    return value == null ? LoadBalancer.NO_HASH : XxHash64.hash(value);
  }

  /**
   * Envoy's {@code Utility::parseCookieValue}: the first {@code name=value} pair of the {@code
   * cookie} header, pairs split on {@code ;} and leading spaces dropped, surrounding double
   * quotes removed; an empty value counts as absent.
   */
  public static String cookie(String header, String name) {
    if (header == null) {
      return null;
    }
    for (String pair : header.split(";")) {
      int start = 0;
      while (start < pair.length() && pair.charAt(start) == ' ') {
        start++;
      }
      String p = pair.substring(start);
      int eq = p.indexOf('=');
      if (eq < 0 || !p.substring(0, eq).equals(name)) {
        continue;
      }
      String value = p.substring(eq + 1);
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      return value.isEmpty() ? null : value;
    }
    return null;
  }
}
