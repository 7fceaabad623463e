package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host set and load balancer of an Envoy ORIGINAL_DST cluster (envoy {@code
 * source/extensions/clusters/original_dst/original_dst_cluster.cc}), which istiod builds for a
 * ServiceEntry with {@code resolution: NONE}, e.g. a wildcard host {@code *.wikipedia.org}. The
 * cluster has no endpoints from EDS: each request's host is the address the app itself opened its
 * connection to ({@link LoadBalancerContext#originalDestination()}), created on first use and kept
 * by address, so each distinct destination has its own host and its own per-worker connection pools
 * while the circuit breakers stay the cluster's, shared by all of them.
 *
 * <p>As in Envoy's {@code OriginalDstCluster::LoadBalancer::chooseHost}, the pick ignores health:
 * an ejected host is still the destination (outlier detection counts, but cannot steer), and there
 * is no re-pick for the retry host predicate. Every {@link #CLEANUP_INTERVAL_NANOS} the cluster
 * drops the hosts that no request picked since the previous sweep and that no pool holds a
 * connection to ({@code cleanup()}, with {@code original_dst_rely_on_idle_timeout}, on by default).
 * A new host joins at once; Envoy adds it on the main thread a moment later, which only matters to
 * concurrent workers racing for the same new address.
 */
public final class OriginalDstLoadBalancer {
  /** Envoy's default {@code cleanup_interval}; istiod leaves it unset on outbound clusters. */
  public static final long CLEANUP_INTERVAL_NANOS = 5_000_000_000L;

  private final Cluster cluster;
  private final Simulation sim;
  /** Hosts by destination, in the order they were created (the cluster's host order). */
  private final Map<Endpoint, Entry> byAddress = new LinkedHashMap<>();
  private boolean stopped;

  /** Envoy's {@code HostsForAddress}: the host and whether a pick used it since the last sweep. */
  private static final class Entry {
    final Host host;
    boolean used = true;

    Entry(Host host) {
      this.host = host;
    }
  }

  OriginalDstLoadBalancer(Cluster cluster, Simulation sim) {
    this.cluster = cluster;
    this.sim = sim;
  }

  /** Arms the cleanup timer, as the cluster's constructor does. */
  void start() {
    sim.schedule(CLEANUP_INTERVAL_NANOS, this::cleanup);
  }

  /** The cluster was replaced: no more sweeps. */
  void stop() {
    stopped = true;
  }

  /** The host for {@code destination}, made now if the cluster has none for it; null without one. */
  Host chooseHost(Endpoint destination) {
    if (destination == null) {
      return null; // "No downstream connection or no original_dst": the router answers 503 UH
    }
    Entry entry = byAddress.get(destination);
    if (entry != null) {
      entry.used = true;
      return entry.host;
    }
    Host host = cluster.newHost(destination);
    byAddress.put(destination, new Entry(host));
    cluster.originalDstHostsChanged(hosts(), List.of());
    return host;
  }

  /** Envoy's {@code cleanup()}: keep what was picked since the last sweep or still has connections. */
  private void cleanup() {
    if (stopped) {
      return;
    }
    List<Host> removed = new ArrayList<>();
    for (Iterator<Entry> it = byAddress.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.used) {
        entry.used = false; // removed at the next sweep unless picked again or still connected
      } else if (entry.host.connections() == 0) {
        removed.add(entry.host);
        it.remove();
      }
    }
    if (!removed.isEmpty()) {
      cluster.originalDstHostsChanged(hosts(), removed);
    }
    sim.schedule(CLEANUP_INTERVAL_NANOS, this::cleanup);
  }

  private List<Host> hosts() {
    List<Host> out = new ArrayList<>(byAddress.size());
    byAddress.values().forEach(e -> out.add(e.host));
    return out;
  }
}
