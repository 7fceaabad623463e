package dev.meshsim.mesh;

import dev.meshsim.istio.IstioConfig;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.xds.ProxySync;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * What a debugger may read of a running mesh between two events: istiod's sync state per proxy,
 * each proxy's live cluster state, and the Envoy stats. Read-only by contract: nothing reached
 * through it may be changed or asked to do work (no pool is created, no event scheduled), so a
 * run that is inspected behaves exactly as one that is not.
 */
public interface MeshView {
  /** The simulated instant, in nanoseconds. */
  long now();

  Scenario scenario();

  /** istiod's newest config version. */
  long istiodVersion();

  /** Every connected proxy, in connection order. */
  List<ProxySync> proxies();

  /** The Istio objects in istiod's store now. */
  IstioConfig istioConfig();

  /**
   * The live state (hosts, circuit breaker) of the clusters {@code pod}'s sidecar has used, by
   * cluster name: the newest state of each. A cluster never used has none.
   */
  Map<String, Cluster> liveClusters(String pod);

  /** The IP of the newest pod named {@code pod}, or null. */
  String podIp(String pod);

  /**
   * The PeerAuthentication composed for the newest pod named {@code pod}: what its sidecar's
   * inbound listener accepts. PERMISSIVE, Istio's default, unless a view knows better.
   */
  default dev.meshsim.istio.PeerAuthenticationPolicy inboundPolicy(String pod) {
    return dev.meshsim.istio.PeerAuthenticationPolicy.PERMISSIVE;
  }

  /** Envoy's cluster stats by cluster name, summed over every sidecar (as meshsim counts them). */
  Map<String, ClusterStats> clusterStats();

  /** {@code pod}'s sidecar's own cluster counters by cluster name, from its start (as its Envoy counts them). */
  Map<String, ClusterStats> proxyClusterStats(String pod);

  /**
   * {@code pod}'s sidecar's counters of {@code host}: {@code rq_total}, {@code rq_success}, {@code
   * rq_error}, {@code rq_timeout}, {@code cx_total}, {@code cx_connect_fail}, in that order ({@code
   * HostCounters.Stat}).
   */
  long[] hostCounters(String pod, dev.meshsim.mesh.upstream.Host host);
}
