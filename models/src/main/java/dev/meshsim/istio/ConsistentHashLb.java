package dev.meshsim.istio;

/**
 * {@code loadBalancer.consistentHash}: Istio's {@code ConsistentHashLB}. The hash key is a proto
 * oneof: at most one of the four key fields is set (none set hashes nothing, so Envoy picks at
 * random). The algorithm is RING_HASH unless {@code maglev} is given.
 *
 * @param httpHeaderName hash on this request header, or null
 * @param httpCookie hash on this cookie, or null
 * @param useSourceIp hash on the client's IP address
 * @param httpQueryParameterName hash on this query parameter, or null
 * @param algorithm RING_HASH ({@code ringHash}, or the legacy {@code minimumRingSize}, or nothing)
 *     or MAGLEV ({@code maglev})
 * @param minimumRingSize ring hash's minimum ring size, or null (Envoy's default 1024)
 * @param maglevTableSize Maglev's table size (a prime < 5000011), or null for RING_HASH
 */
public record ConsistentHashLb(
    String httpHeaderName,
    HttpCookie httpCookie,
    boolean useSourceIp,
    String httpQueryParameterName,
    Algorithm algorithm,
    Long minimumRingSize,
    Long maglevTableSize) {

  /** Envoy's hashing load balancers. */
  public enum Algorithm { RING_HASH, MAGLEV }

  /**
   * {@code consistentHash.httpCookie}.
   *
   * @param name the cookie's name (required)
   * @param path the path set on a generated cookie, or null
   * @param ttlNanos lifetime of a generated cookie, or null (no cookie is generated); 0 makes it a
   *     session cookie
   */
  public record HttpCookie(String name, String path, Long ttlNanos) {}
}
