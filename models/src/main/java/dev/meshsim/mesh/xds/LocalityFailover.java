package dev.meshsim.mesh.xds;

import dev.meshsim.scenario.Locality;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * istiod's default locality failover, as the mesh's {@code localityLbSetting: {enabled: true}}
 * applies it to a cluster's endpoints for one proxy (istio {@code
 * pilot/pkg/networking/core/loadbalancer/loadbalancer.go}, {@code applyLocalityFailover}). Only a
 * cluster with outlier detection gets priorities ({@code ApplyLocalityLoadBalancer}'s {@code
 * enableFailover}: "Failover should only be applied with outlier detection, or traffic will never
 * failover"); without it every endpoint stays at priority 0.
 *
 * <p>The DestinationRule's own {@code localityLbSetting} ({@code failover}, {@code
 * failoverPriority}, {@code distribute}, {@code enabled}) is not modelled: it is read with a warning.
 */
final class LocalityFailover {
  private LocalityFailover() {}

  /**
   * istio {@code util.LbPriority}: 0 same region, zone and subzone; 1 same region and zone; 2 same
   * region; 3 another region. Parts compare as strings, so an empty locality matches only another
   * empty one.
   */
  static int lbPriority(Locality proxy, Locality endpoint) {
    if (!proxy.region().equals(endpoint.region())) {
      return 3;
    }
    if (!proxy.zone().equals(endpoint.zone())) {
      return 2;
    }
    return proxy.subzone().equals(endpoint.subzone()) ? 0 : 1;
  }

  /**
   * The priority of each endpoint relative to {@code proxy}, compacted to 0..N without gaps as
   * {@code applyLocalityFailover} does (step 2: sort the priorities in use, renumber by rank).
   */
  static List<Integer> priorities(Locality proxy, List<Locality> endpoints) {
    int[] raw = new int[endpoints.size()];
    TreeSet<Integer> used = new TreeSet<>();
    for (int i = 0; i < raw.length; i++) {
      raw[i] = lbPriority(proxy, endpoints.get(i));
      used.add(raw[i]);
    }
    List<Integer> ranks = new ArrayList<>(used);
    List<Integer> out = new ArrayList<>(raw.length);
    for (int p : raw) {
      out.add(ranks.indexOf(p));
    }
    return out;
  }
}
