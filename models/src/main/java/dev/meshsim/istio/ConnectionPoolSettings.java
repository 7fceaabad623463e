package dev.meshsim.istio;

/**
 * {@code trafficPolicy.connectionPool}: Istio's {@code ConnectionPoolSettings}. Every limit is null
 * when unset. The integer limits are plain proto3 {@code int32}s that Istio sends to Envoy only
 * when > 0 (cluster_traffic_policy.go {@code applyConnectionPool}, "FIXME" about 0), so an explicit
 * 0 is read as null: it means the Istio default (2^32-1 for the circuit breakers, unlimited
 * requests per connection), never a limit of 0. See reference notes §1.1 for the mapping.
 *
 * @param tcp {@code tcp}, or null
 * @param http {@code http}, or null
 */
public record ConnectionPoolSettings(Tcp tcp, Http http) {

  /**
   * {@code connectionPool.tcp} ({@code tcpKeepalive} is read with a warning and not kept).
   *
   * @param maxConnections Envoy {@code max_connections} circuit breaker, or null
   * @param connectTimeoutNanos Envoy {@code connect_timeout}, or null (mesh default 10s)
   * @param maxConnectionDurationNanos Envoy {@code max_connection_duration}, or null (none)
   * @param idleTimeoutNanos idle timeout, used when {@code http.idleTimeout} is unset; null means
   *     1h, 0 disables it
   */
  public record Tcp(Integer maxConnections, Long connectTimeoutNanos, Long maxConnectionDurationNanos,
      Long idleTimeoutNanos) {}

  /**
   * {@code connectionPool.http}.
   *
   * @param http1MaxPendingRequests Envoy {@code max_pending_requests} (HTTP/1.1 and HTTP/2), or null
   * @param http2MaxRequests Envoy {@code max_requests} (HTTP/1.1 and HTTP/2), or null
   * @param maxRequestsPerConnection 1 disables keep-alive; null means unlimited
   * @param maxRetries Envoy {@code max_retries} (outstanding retries, cluster-wide), or null
   * @param idleTimeoutNanos connection idle timeout, or null (1h)
   * @param h2UpgradePolicy {@link H2UpgradePolicy#DEFAULT} when unset
   * @param useClientProtocol keep the client's HTTP version (never upgrades)
   * @param maxConcurrentStreams HTTP/2 {@code max_concurrent_streams}, or null (2^31-1)
   */
  public record Http(Integer http1MaxPendingRequests, Integer http2MaxRequests, Integer maxRequestsPerConnection,
      Integer maxRetries, Long idleTimeoutNanos, H2UpgradePolicy h2UpgradePolicy, boolean useClientProtocol,
      Integer maxConcurrentStreams) {}

  /** {@code http.h2UpgradePolicy}; DEFAULT follows the mesh setting (default DO_NOT_UPGRADE). */
  public enum H2UpgradePolicy { DEFAULT, DO_NOT_UPGRADE, UPGRADE }
}
