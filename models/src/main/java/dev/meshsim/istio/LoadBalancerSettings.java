package dev.meshsim.istio;

/**
 * {@code trafficPolicy.loadBalancer}: Istio's {@code LoadBalancerSettings}. {@code simple} and
 * {@code consistentHash} are a proto oneof, so at most one is set. {@code localityLbSetting} and
 * {@code warmup}/{@code warmupDurationSecs} are read with a warning and not kept.
 *
 * @param simple the simple algorithm; {@link Simple#UNSPECIFIED} when unset (proto3 enum zero) or
 *     when {@code consistentHash} is used
 * @param consistentHash consistent hashing, or null
 */
public record LoadBalancerSettings(Simple simple, ConsistentHashLb consistentHash) {

  /**
   * Istio's {@code SimpleLB}, in proto order. What Envoy gets (reference notes §4.1,
   * cluster_traffic_policy.go {@code applyLoadBalancer}): UNSPECIFIED is LEAST_REQUEST since Istio
   * 1.14 and ROUND_ROBIN before; LEAST_CONN (deprecated) is LEAST_REQUEST; PASSTHROUGH is an
   * ORIGINAL_DST cluster.
   */
  public enum Simple { UNSPECIFIED, LEAST_CONN, RANDOM, PASSTHROUGH, ROUND_ROBIN, LEAST_REQUEST }

  public LoadBalancerSettings {
    if (simple == null) {
      throw new IllegalArgumentException("simple must not be null; use UNSPECIFIED");
    }
  }
}
