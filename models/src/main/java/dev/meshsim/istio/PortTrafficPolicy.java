package dev.meshsim.istio;

/**
 * One {@code trafficPolicy.portLevelSettings[]} entry. Istio's {@code PortTrafficPolicy}: when it
 * matches the destination port it replaces the destination-level load balancer, connection pool and
 * outlier detection <em>wholesale</em> — a component left out here falls back to Istio's default,
 * not to the destination-level value (destination_rule.proto, {@code port_level_settings}).
 *
 * @param port {@code port.number}
 * @param loadBalancer or null (defaults)
 * @param connectionPool or null (defaults)
 * @param outlierDetection or null (no outlier detection)
 * @param tls or null (auto mTLS): replaces the rule's {@code tls} for this port like the rest
 */
public record PortTrafficPolicy(
    int port,
    LoadBalancerSettings loadBalancer,
    ConnectionPoolSettings connectionPool,
    OutlierDetection outlierDetection,
    ClientTls tls) {

  /** An entry without {@code tls}. */
  public PortTrafficPolicy(int port, LoadBalancerSettings loadBalancer, ConnectionPoolSettings connectionPool,
      OutlierDetection outlierDetection) {
    this(port, loadBalancer, connectionPool, outlierDetection, null);
  }
}
