package dev.meshsim.istio;

import java.util.List;

/**
 * A DestinationRule's {@code trafficPolicy} (top level or per subset), as far as meshsim's upstream
 * model uses it. A null component is unset: Istio's default applies. Tunnel, proxyProtocol and
 * retryBudget are read with a warning and not kept.
 *
 * @param loadBalancer {@code loadBalancer}, or null
 * @param connectionPool {@code connectionPool}, or null
 * @param outlierDetection {@code outlierDetection}, or null (no outlier detection at all)
 * @param portLevelSettings {@code portLevelSettings}, in file order (ports are unique)
 * @param tls {@code tls}, or null (auto mTLS, or plaintext without it)
 */
public record TrafficPolicy(
    LoadBalancerSettings loadBalancer,
    ConnectionPoolSettings connectionPool,
    OutlierDetection outlierDetection,
    List<PortTrafficPolicy> portLevelSettings,
    ClientTls tls) {

  public TrafficPolicy {
    portLevelSettings = List.copyOf(portLevelSettings);
  }

  /** A policy without {@code tls}. */
  public TrafficPolicy(LoadBalancerSettings loadBalancer, ConnectionPoolSettings connectionPool,
      OutlierDetection outlierDetection, List<PortTrafficPolicy> portLevelSettings) {
    this(loadBalancer, connectionPool, outlierDetection, portLevelSettings, null);
  }

  /** The port-level entry for {@code port}, or null. */
  public PortTrafficPolicy forPort(int port) {
    return portLevelSettings.stream().filter(p -> p.port() == port).findFirst().orElse(null);
  }

  /**
   * The policy a client sidecar applies to the Envoy cluster {@code outbound|port|subset|host}:
   * Istio's {@code MergeSubsetTrafficPolicy} (pilot/pkg/networking/util/util.go), {@code tls}
   * included. First each level
   * is resolved for the port (a matching port-level entry replaces that level's components
   * wholesale); then every component the subset level sets (or every component, when the subset
   * has a matching port-level entry) overrides the destination level.
   *
   * @param destinationLevel the rule's {@code trafficPolicy}, or null
   * @param subsetLevel the subset's {@code trafficPolicy}, or null (also for the subset-less cluster)
   * @return the effective policy, without port-level settings; null when both levels are null
   */
  public static TrafficPolicy effective(TrafficPolicy destinationLevel, TrafficPolicy subsetLevel, int port) {
    TrafficPolicy base = atPort(destinationLevel, port);
    if (subsetLevel == null) {
      return base;
    }
    TrafficPolicy subset = atPort(subsetLevel, port);
    if (base == null) {
      return subset;
    }
    boolean wholesale = subsetLevel.forPort(port) != null;
    return new TrafficPolicy(
        wholesale || subset.loadBalancer != null ? subset.loadBalancer : base.loadBalancer,
        wholesale || subset.connectionPool != null ? subset.connectionPool : base.connectionPool,
        wholesale || subset.outlierDetection != null ? subset.outlierDetection : base.outlierDetection,
        List.of(), wholesale || subset.tls != null ? subset.tls : base.tls);
  }

  /** {@code policy} for one port: its port-level entry if it has one, else its own components. */
  private static TrafficPolicy atPort(TrafficPolicy policy, int port) {
    if (policy == null) {
      return null;
    }
    PortTrafficPolicy p = policy.forPort(port);
    return p != null
        ? new TrafficPolicy(p.loadBalancer(), p.connectionPool(), p.outlierDetection(), List.of(), p.tls())
        : new TrafficPolicy(policy.loadBalancer, policy.connectionPool, policy.outlierDetection, List.of(), policy.tls);
  }
}
