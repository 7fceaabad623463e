package dev.meshsim.mesh.xds;

import dev.meshsim.istio.ServiceEntry;
import dev.meshsim.mesh.kube.PodView;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.upstream.ClusterSettings;
import dev.meshsim.mesh.upstream.LbPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ServiceEntries with a wildcard host ({@code *.wikipedia.org}), as istiod builds them (the Istio
 * docs' "Egress using Wildcard Hosts" task):
 *
 * <ul>
 *   <li>{@code resolution: NONE} (the usual case) is a passthrough service: on a sidecar its cluster
 *       {@code outbound|443||*.wikipedia.org} is ORIGINAL_DST with the {@code CLUSTER_PROVIDED}
 *       balancer whatever the DestinationRule's {@code loadBalancer} (istio {@code cluster.go}
 *       {@code convertResolution}, {@code cluster_traffic_policy.go}); connection pool and outlier
 *       settings apply. A gateway cannot use passthrough clusters, so there it is an EDS cluster,
 *       which for a NONE entry has no endpoints ({@code 503 UH}).
 *   <li>{@code DNS} or {@code DNS_ROUND_ROBIN} needs {@code endpoints} (validation rejects a wildcard
 *       without them); the cluster's endpoints are the servers those addresses name.
 *   <li>{@code STATIC}: its endpoints' addresses are IPs meshsim has no server for: no endpoints.
 * </ul>
 *
 * The virtual host (or, on a TLS port, the filter chain's {@code server_names}) is the wildcard
 * domain, which Envoy matches after every exact name: an exact Service or ServiceEntry host wins.
 */
final class WildcardEntries {

  private WildcardEntries() {}

  /** Whether a ServiceEntry host is a wildcard ({@code *.suffix}). */
  static boolean isWildcard(String host) {
    return host.startsWith("*.") && host.indexOf('*', 1) < 0;
  }

  /** Whether {@code pattern} ({@code *.suffix}) covers {@code host}, as Envoy's domain match does. */
  static boolean covers(String pattern, String host) {
    return isWildcard(pattern) && host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1;
  }

  /** Whether the entry makes an ORIGINAL_DST cluster on this proxy (a NONE entry, on a sidecar). */
  static boolean originalDst(ServiceEntry entry, boolean gateway) {
    return entry.resolution() == ServiceEntry.Resolution.NONE && entry.workloadSelector().isEmpty() && !gateway;
  }

  /** {@code settings} as istiod sends them for an ORIGINAL_DST cluster: {@code CLUSTER_PROVIDED}, no hash. */
  static ClusterSettings originalDst(ClusterSettings s) {
    return new ClusterSettings(s.thresholds(), s.connectTimeoutNanos(), s.maxRequestsPerConnection(),
        s.idleTimeoutNanos(), s.streamsPerConnection(), LbPolicy.CLUSTER_PROVIDED, s.outlier(),
        s.panicThresholdPercent(), null, 0, s.tls());
  }

  /** The endpoints of a wildcard entry's EDS or DNS cluster: the servers its endpoints' addresses name. */
  static List<PodView> endpoints(ServiceEntry entry, ServiceRegistry registry) {
    List<PodView> out = new ArrayList<>();
    if (entry.resolution() != ServiceEntry.Resolution.DNS && entry.resolution() != ServiceEntry.Resolution.DNS_ROUND_ROBIN) {
      return out;
    }
    for (String address : entry.endpoints()) {
      ServiceRegistry.External server = registry.external(address.toLowerCase(java.util.Locale.ROOT));
      if (server != null) {
        server.pods().stream().filter(p -> !out.contains(p)).forEach(out::add);
      }
    }
    return out;
  }

  /**
   * Whether some wildcard entry this proxy sees covers {@code host} on {@code port}: ALLOW_ANY's
   * passthrough then does not apply to it, since the wildcard virtual host matches first.
   */
  static boolean covered(Map<String, ServiceEntry> entries, String host, int port) {
    for (String key : entries.keySet()) {
      int colon = key.lastIndexOf(':');
      if (Integer.parseInt(key.substring(colon + 1)) == port && covers(key.substring(0, colon), host)) {
        return true;
      }
    }
    return false;
  }
}
