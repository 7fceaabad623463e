package dev.meshsim.mesh.upstream;

/**
 * The parts of an Envoy cluster's config that shape its upstream behaviour, as istiod derives them
 * from a DestinationRule's {@code trafficPolicy} (istio {@code cluster_traffic_policy.go}).
 *
 * @param thresholds circuit breakers
 * @param connectTimeoutNanos {@code tcp.connectTimeout}, mesh default 10s
 * @param maxRequestsPerConnection 0 means unlimited; 1 disables keep-alive
 * @param idleTimeoutNanos an idle upstream connection closes after this (Istio default 1h)
 * @param streamsPerConnection 1 for HTTP/1.1; {@code maxConcurrentStreams} for HTTP/2
 * @param lbPolicy the load balancer
 * @param outlier outlier detection, or null when the DestinationRule has none
 * @param panicThresholdPercent below this share of healthy hosts the balancer uses all hosts;
 *     Envoy's 50% default, or {@code minHealthPercent} (default 0, never) when outlier detection is set
 * @param hashPolicy what a request is hashed on for RING_HASH and MAGLEV ({@code consistentHash}'s
 *     key), or null for none (then the hashing balancers pick at random)
 * @param hashLbSize RING_HASH's minimum ring size or MAGLEV's table size; 0 for Envoy's defaults
 *     (1024 and 65537)
 * @param tls the transport socket: what the sidecar speaks to the endpoints
 */
public record ClusterSettings(
    Thresholds thresholds,
    long connectTimeoutNanos,
    int maxRequestsPerConnection,
    long idleTimeoutNanos,
    int streamsPerConnection,
    LbPolicy lbPolicy,
    OutlierSettings outlier,
    double panicThresholdPercent,
    HashPolicy hashPolicy,
    long hashLbSize,
    TlsContext tls) {

  public static final long MESH_CONNECT_TIMEOUT_NANOS = 10_000_000_000L;
  public static final long ISTIO_IDLE_TIMEOUT_NANOS = 3_600_000_000_000L;
  public static final double ENVOY_PANIC_THRESHOLD_PERCENT = 50;

  /** Settings under auto mTLS. */
  public ClusterSettings(Thresholds thresholds, long connectTimeoutNanos, int maxRequestsPerConnection,
      long idleTimeoutNanos, int streamsPerConnection, LbPolicy lbPolicy, OutlierSettings outlier,
      double panicThresholdPercent, HashPolicy hashPolicy, long hashLbSize) {
    this(thresholds, connectTimeoutNanos, maxRequestsPerConnection, idleTimeoutNanos, streamsPerConnection,
        lbPolicy, outlier, panicThresholdPercent, hashPolicy, hashLbSize, TlsContext.AUTO);
  }

  /** Settings without consistent hashing. */
  public ClusterSettings(Thresholds thresholds, long connectTimeoutNanos, int maxRequestsPerConnection,
      long idleTimeoutNanos, int streamsPerConnection, LbPolicy lbPolicy, OutlierSettings outlier,
      double panicThresholdPercent) {
    this(thresholds, connectTimeoutNanos, maxRequestsPerConnection, idleTimeoutNanos, streamsPerConnection,
        lbPolicy, outlier, panicThresholdPercent, null, 0);
  }

  /** A cluster with no DestinationRule policy, under Istio's defaults. */
  public static ClusterSettings istioDefaults(LbPolicy lbPolicy) {
    return new ClusterSettings(Thresholds.ISTIO_DEFAULT, MESH_CONNECT_TIMEOUT_NANOS, 0,
        ISTIO_IDLE_TIMEOUT_NANOS, 1, lbPolicy, null, ENVOY_PANIC_THRESHOLD_PERCENT);
  }
}
