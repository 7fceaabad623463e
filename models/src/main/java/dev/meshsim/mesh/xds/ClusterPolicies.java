package dev.meshsim.mesh.xds;

import dev.meshsim.istio.ClientTls;
import dev.meshsim.istio.ConnectionPoolSettings;
import dev.meshsim.istio.ConnectionPoolSettings.H2UpgradePolicy;
import dev.meshsim.istio.ConsistentHashLb;
import dev.meshsim.istio.LoadBalancerSettings;
import dev.meshsim.istio.OutlierDetection;
import dev.meshsim.istio.TrafficPolicy;
import dev.meshsim.mesh.upstream.ClusterSettings;
import dev.meshsim.mesh.upstream.HashPolicy;
import dev.meshsim.mesh.upstream.LbPolicy;
import dev.meshsim.mesh.upstream.OutlierSettings;
import dev.meshsim.mesh.upstream.Thresholds;
import dev.meshsim.mesh.upstream.TlsContext;
import dev.meshsim.scenario.PortSpec;

/**
 * istiod's {@code applyTrafficPolicy} (pilot/pkg/networking/core/cluster_traffic_policy.go): a
 * DestinationRule's effective traffic policy for one cluster, as Envoy cluster settings.
 */
final class ClusterPolicies {
  private static final long SECOND = 1_000_000_000L;
  /** Envoy's outlier defaults Istio relies on when a field is unset (outlier_detection.proto). */
  private static final int ENVOY_CONSECUTIVE_5XX = 5;
  private static final long ENVOY_INTERVAL = 10 * SECOND;
  private static final long ENVOY_BASE_EJECTION = 30 * SECOND;
  private static final int ENVOY_MAX_EJECTION_PERCENT = 10;
  private static final long ENVOY_MAX_EJECTION_TIME = 300 * SECOND;
  /** HTTP/2's {@code max_concurrent_streams} default, 2^31-1. */
  private static final int H2_MAX_STREAMS = Integer.MAX_VALUE;

  private ClusterPolicies() {}

  static ClusterSettings settings(TrafficPolicy policy, PortSpec port, IstioProfile profile) {
    return settings(policy, port, profile, true);
  }

  /** The settings, with {@code autoMtls} deciding the transport when the policy sets no {@code tls}. */
  static ClusterSettings settings(TrafficPolicy policy, PortSpec port, IstioProfile profile, boolean autoMtls) {
    ConnectionPoolSettings pool = policy == null ? null : policy.connectionPool();
    var tcp = pool == null ? null : pool.tcp();
    var http = pool == null ? null : pool.http();
    Thresholds thresholds = new Thresholds(
        limit(tcp == null ? null : tcp.maxConnections()),
        limit(http == null ? null : http.http1MaxPendingRequests()),
        limit(http == null ? null : http.http2MaxRequests()),
        limit(http == null ? null : http.maxRetries()));
    long connectTimeout = tcp != null && tcp.connectTimeoutNanos() != null
        ? tcp.connectTimeoutNanos() : ClusterSettings.MESH_CONNECT_TIMEOUT_NANOS;
    int perConnection = http != null && http.maxRequestsPerConnection() != null
        ? http.maxRequestsPerConnection() : 0;
    OutlierDetection od = policy == null ? null : policy.outlierDetection();
    LoadBalancerSettings lb = policy == null ? null : policy.loadBalancer();
    ConsistentHashLb hash = lb == null ? null : lb.consistentHash();
    return new ClusterSettings(thresholds, connectTimeout, perConnection, idleTimeout(tcp, http),
        streamsPerConnection(http, port), lbPolicy(lb, profile), outlier(od, profile), panicThreshold(od),
        hashPolicy(hash), hashLbSize(hash), tls(policy == null ? null : policy.tls(), autoMtls));
  }

  /** istio {@code buildUpstreamTLSSettings}: the rule's mode, else auto mTLS, else plaintext. */
  static TlsContext tls(ClientTls tls, boolean autoMtls) {
    if (tls == null) {
      return autoMtls ? TlsContext.AUTO : TlsContext.DISABLE;
    }
    return switch (tls.mode()) {
      case DISABLE -> TlsContext.DISABLE;
      case SIMPLE -> TlsContext.SIMPLE;
      case MUTUAL -> TlsContext.MUTUAL;
      case ISTIO_MUTUAL -> TlsContext.ISTIO_MUTUAL;
    };
  }

  /**
   * The route hash policy for a {@code consistentHash} block (istio {@code consistentHashToHashPolicy}), or null when it sets no key (or {@code
   * useSourceIp: false}): Istio then sends no hash policy.
   */
  static HashPolicy hashPolicy(ConsistentHashLb hash) {
    if (hash == null) {
      return null;
    }
    if (hash.httpHeaderName() != null) {
      return new HashPolicy(HashPolicy.Source.HEADER, hash.httpHeaderName());
    }
    if (hash.httpCookie() != null) {
      return new HashPolicy(HashPolicy.Source.COOKIE, hash.httpCookie().name());
    }
    if (hash.useSourceIp()) {
      return new HashPolicy(HashPolicy.Source.SOURCE_IP, null);
    }
    if (hash.httpQueryParameterName() != null) {
      return new HashPolicy(HashPolicy.Source.QUERY_PARAMETER, hash.httpQueryParameterName());
    }
    return null;
  }

  /** Istio sends a threshold only when it is > 0; otherwise 2^32-1 (it cannot tell 0 from unset). */
  private static long limit(Integer value) {
    return value != null && value > 0 ? value : Thresholds.ISTIO_UNSET;
  }

  /** {@code http.idleTimeout}, else {@code tcp.idleTimeout}, else 1h; 0 disables the timeout. */
  private static long idleTimeout(ConnectionPoolSettings.Tcp tcp, ConnectionPoolSettings.Http http) {
    Long v = http != null && http.idleTimeoutNanos() != null ? http.idleTimeoutNanos()
        : tcp != null ? tcp.idleTimeoutNanos() : null;
    if (v == null) {
      return ClusterSettings.ISTIO_IDLE_TIMEOUT_NANOS;
    }
    return v == 0 ? Long.MAX_VALUE / 4 : v;
  }

  /**
   * HTTP/1.1 carries one request per connection. HTTP/2 (a {@code grpc}/{@code http2} port, or
   * {@code h2UpgradePolicy: UPGRADE} without {@code useClientProtocol}; the mesh default is
   * DO_NOT_UPGRADE) multiplexes up to {@code maxConcurrentStreams} (istio {@code shouldH2Upgrade}).
   */
  private static int streamsPerConnection(ConnectionPoolSettings.Http http, PortSpec port) {
    if (!port.protocol().isHttp()) {
      return 1; // a TCP or TLS port: tcp_proxy gives each downstream connection its own upstream one
    }
    String name = port.name().toLowerCase(java.util.Locale.ROOT);
    boolean h2Port = name.equals("grpc") || name.startsWith("grpc-") || name.equals("http2")
        || name.startsWith("http2-");
    boolean upgrade = http != null && http.h2UpgradePolicy() == H2UpgradePolicy.UPGRADE && !http.useClientProtocol();
    if (!h2Port && !upgrade) {
      return 1;
    }
    return http != null && http.maxConcurrentStreams() != null ? http.maxConcurrentStreams() : H2_MAX_STREAMS;
  }

  /**
   * Istio's {@code applyLoadBalancer}: {@code consistentHash} overrides {@code simple}, MAGLEV when
   * {@code maglev} is given, else RING_HASH ({@code ringHash} or the legacy form); then SimpleLB.
   */
  private static LbPolicy lbPolicy(LoadBalancerSettings lb, IstioProfile profile) {
    if (lb == null) {
      return profile.defaultLbPolicy();
    }
    if (lb.consistentHash() != null) {
      return lb.consistentHash().algorithm() == ConsistentHashLb.Algorithm.MAGLEV
          ? LbPolicy.MAGLEV : LbPolicy.RING_HASH;
    }
    return switch (lb.simple()) {
      case ROUND_ROBIN -> LbPolicy.ROUND_ROBIN;
      case RANDOM -> LbPolicy.RANDOM;
      case LEAST_REQUEST, LEAST_CONN -> LbPolicy.LEAST_REQUEST;
      case UNSPECIFIED, PASSTHROUGH -> profile.defaultLbPolicy();
    };
  }

  /**
   * MAGLEV's {@code tableSize} or RING_HASH's {@code minimumRingSize}; 0 (unset) leaves Envoy's
   * defaults, 65537 and 1024 (Istio sends the legacy ring's 1024 itself, the same value).
   */
  private static long hashLbSize(ConsistentHashLb hash) {
    if (hash == null) {
      return 0;
    }
    Long size = hash.algorithm() == ConsistentHashLb.Algorithm.MAGLEV ? hash.maglevTableSize() : hash.minimumRingSize();
    return size == null ? 0 : size;
  }

  /**
   * istio {@code applyOutlierDetection}: {@code consecutive5xxErrors} unset keeps Envoy's 5 and 0
   * disables it; gateway errors are enforced only when set above 0; {@code maxEjectionPercent} is
   * sent only when > 0 (else Envoy's 10%).
   */
  private static OutlierSettings outlier(OutlierDetection od, IstioProfile profile) {
    if (od == null) {
      return null;
    }
    int fiveXx = od.consecutive5xxErrors() == null ? ENVOY_CONSECUTIVE_5XX : od.consecutive5xxErrors();
    int gateway = od.consecutiveGatewayErrors() == null ? 0 : od.consecutiveGatewayErrors();
    long base = od.baseEjectionTimeNanos() == null ? ENVOY_BASE_EJECTION : od.baseEjectionTimeNanos();
    int maxPercent = od.maxEjectionPercent() != null && od.maxEjectionPercent() > 0
        ? od.maxEjectionPercent() : ENVOY_MAX_EJECTION_PERCENT;
    return new OutlierSettings(fiveXx, gateway,
        od.intervalNanos() == null ? ENVOY_INTERVAL : od.intervalNanos(), base,
        Math.max(ENVOY_MAX_EJECTION_TIME, base), maxPercent, profile.ejectionRule());
  }

  /** With outlier detection Istio sets the panic threshold to {@code minHealthPercent} (default 0). */
  private static double panicThreshold(OutlierDetection od) {
    if (od == null) {
      return ClusterSettings.ENVOY_PANIC_THRESHOLD_PERCENT;
    }
    return od.minHealthPercent() == null ? 0 : od.minHealthPercent();
  }
}
