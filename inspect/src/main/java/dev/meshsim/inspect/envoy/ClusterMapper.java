package dev.meshsim.inspect.envoy;

import com.google.protobuf.Any;
import com.google.protobuf.UInt32Value;
import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import dev.meshsim.inspect.snapshot.Snapshot.HostState;
import dev.meshsim.inspect.snapshot.Snapshot.Outlier;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.cluster.v3.OutlierDetection;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.RoutingPriority;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.type.v3.Percent;
import java.util.TreeMap;

/**
 * A snapshot cluster as the Envoy {@code Cluster} istiod sends (pilot/pkg/networking/core
 * {@code cluster_builder.go}, {@code cluster_traffic_policy.go}; reference §1.1, §2.1), and its
 * endpoints as the {@code ClusterLoadAssignment} EDS sends.
 */
final class ClusterMapper {
  private static final String HTTP_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";
  /** Istio enforces every outlier check it sets at 100%. */
  private static final int ENFORCED = 100;

  private ClusterMapper() {}

  static Cluster cluster(ClusterState c) {
    Cluster.Builder b = Cluster.newBuilder().setName(c.name());
    if (c.lbPolicy().equals("CLUSTER_PROVIDED")) {
      b.setType(Cluster.DiscoveryType.ORIGINAL_DST); // a ServiceEntry with resolution NONE: no EDS
    } else {
      b.setType(Cluster.DiscoveryType.EDS)
          .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setServiceName(c.name()).setEdsConfig(
              ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
                  .setInitialFetchTimeout(EnvoyTypes.duration(0)).setResourceApiVersion(ApiVersion.V3)));
    }
    b.setConnectTimeout(EnvoyTypes.duration(c.connectTimeoutNanos()))
        .setLbPolicy(lbPolicy(c.lbPolicy()))
        .setCircuitBreakers(CircuitBreakers.newBuilder().addThresholds(CircuitBreakers.Thresholds.newBuilder()
            .setPriority(RoutingPriority.DEFAULT)
            .setMaxConnections(u32(c.maxConnections()))
            .setMaxPendingRequests(u32(c.maxPendingRequests()))
            .setMaxRequests(u32(c.maxRequests()))
            .setMaxRetries(u32(c.maxRetries()))
            .setTrackRemaining(true)))
        .putTypedExtensionProtocolOptions(HTTP_OPTIONS, Any.pack(httpOptions(c)));
    if (c.outlier() != null) {
      b.setOutlierDetection(outlier(c.outlier()));
      // istiod sets the panic threshold whenever outlier detection is on: minHealthPercent, default 0.
      b.setCommonLbConfig(Cluster.CommonLbConfig.newBuilder()
          .setHealthyPanicThreshold(Percent.newBuilder().setValue(c.panicThresholdPercent())));
    }
    if (c.destinationRule() != null) {
      b.setMetadata(EnvoyTypes.istioConfig("destination-rule", c.destinationRule()));
    }
    TransportSockets.apply(b, c);
    return b.build();
  }

  private static UInt32Value u32(long v) {
    return UInt32Value.of((int) v); // 4294967295 is -1 as a Java int, the same 32 bits
  }

  private static Cluster.LbPolicy lbPolicy(String policy) {
    return switch (policy) {
      case "ROUND_ROBIN" -> Cluster.LbPolicy.ROUND_ROBIN;
      case "RANDOM" -> Cluster.LbPolicy.RANDOM;
      case "RING_HASH" -> Cluster.LbPolicy.RING_HASH;
      case "MAGLEV" -> Cluster.LbPolicy.MAGLEV;
      case "CLUSTER_PROVIDED" -> Cluster.LbPolicy.CLUSTER_PROVIDED;
      default -> Cluster.LbPolicy.LEAST_REQUEST;
    };
  }

  private static io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions httpOptions(ClusterState c) {
    HttpProtocolOptions.Builder common = HttpProtocolOptions.newBuilder()
        .setIdleTimeout(EnvoyTypes.duration(c.idleTimeoutNanos()));
    if (c.maxRequestsPerConnection() > 0) {
      common.setMaxRequestsPerConnection(UInt32Value.of(c.maxRequestsPerConnection()));
    }
    return io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions.newBuilder()
        .setCommonHttpProtocolOptions(common)
        .build();
  }

  /** istio {@code applyOutlierDetection}: success-rate ejection off; what is set is enforced. */
  private static OutlierDetection outlier(Outlier o) {
    OutlierDetection.Builder b = OutlierDetection.newBuilder()
        .setConsecutive5Xx(UInt32Value.of(o.consecutive5xx()))
        .setEnforcingConsecutive5Xx(UInt32Value.of(o.consecutive5xx() > 0 ? ENFORCED : 0))
        .setInterval(EnvoyTypes.duration(o.intervalNanos()))
        .setBaseEjectionTime(EnvoyTypes.duration(o.baseEjectionTimeNanos()))
        .setMaxEjectionPercent(UInt32Value.of(o.maxEjectionPercent()))
        .setEnforcingSuccessRate(UInt32Value.of(0));
    if (o.consecutiveGatewayFailure() > 0) {
      b.setConsecutiveGatewayFailure(UInt32Value.of(o.consecutiveGatewayFailure()))
          .setEnforcingConsecutiveGatewayFailure(UInt32Value.of(ENFORCED));
    }
    return b.build();
  }

  /** EDS: the cluster's hosts grouped by priority, each HEALTHY (istiod sends ready endpoints only). */
  static ClusterLoadAssignment endpoints(ClusterState c) {
    TreeMap<Integer, LocalityLbEndpoints.Builder> byPriority = new TreeMap<>();
    for (HostState h : c.hosts()) {
      int colon = h.address().lastIndexOf(':');
      LbEndpoint lb = LbEndpoint.newBuilder()
          .setEndpoint(Endpoint.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
              SocketAddress.newBuilder().setAddress(h.address().substring(0, colon))
                  .setPortValue(Integer.parseInt(h.address().substring(colon + 1))))))
          .setHealthStatus(HealthStatus.HEALTHY)
          .setLoadBalancingWeight(UInt32Value.of(1))
          .build();
      byPriority.computeIfAbsent(h.priority(), p -> LocalityLbEndpoints.newBuilder().setPriority(p))
          .addLbEndpoints(lb);
    }
    ClusterLoadAssignment.Builder b = ClusterLoadAssignment.newBuilder().setClusterName(c.name());
    byPriority.values().forEach(b::addEndpoints);
    return b.build();
  }
}
