package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;
import dev.meshsim.result.ClusterStats;
import java.util.ArrayList;
import java.util.List;

/** Builds upstream parts alone for unit tests: hosts, clusters, links whose behaviour a test sets. */
final class Upstreams {
  private Upstreams() {}

  /** A stats sink that keeps one ClusterStats and every outlier event as text. */
  static final class Sink implements ClusterInfo.StatsSink {
    final ClusterStats stats = new ClusterStats();
    final List<String> outlierEvents = new ArrayList<>();

    @Override
    public ClusterStats stats(String cluster) {
      return stats;
    }

    @Override
    public boolean counting() {
      return true;
    }

    @Override
    public void outlier(String cluster, Endpoint host, boolean ejected, boolean enforced) {
      outlierEvents.add((enforced ? "" : "refused ") + (ejected ? "eject " : "uneject ") + host.podName());
    }
  }

  /**
   * A sink that also keeps the sidecar's own counters, as an inspected run's does, and records
   * every per-host connection count as {@code cx_total <address>} or {@code cx_connect_fail <address>}.
   */
  static final class InspectedSink implements ClusterInfo.StatsSink {
    final Sink shared = new Sink();
    final ClusterStats own = new ClusterStats();
    final List<String> hostConnections = new ArrayList<>();

    @Override
    public ClusterStats stats(String cluster) {
      return shared.stats(cluster);
    }

    @Override
    public boolean counting() {
      return true;
    }

    @Override
    public void outlier(String cluster, Endpoint host, boolean ejected, boolean enforced) {
      shared.outlier(cluster, host, ejected, enforced);
    }

    @Override
    public ClusterStats proxyStats(String cluster) {
      return own;
    }

    @Override
    public void hostConnection(Host host, boolean connectFailed) {
      hostConnections.add((connectFailed ? "cx_connect_fail " : "cx_total ") + host.address());
    }
  }

  /** A link whose answers a test sets: accepting, and a connect that succeeds after {@code delay}. */
  static final class Link implements HostLink {
    boolean accepting = true;
    boolean connects = true;
    long delayNanos = 1_000_000;
    private int connectCalls;

    int connects() {
      return connectCalls;
    }

    @Override
    public boolean accepting() {
      return accepting;
    }

    @Override
    public Connector.Outcome connect() {
      connectCalls++;
      return new Connector.Outcome(connects && accepting, delayNanos);
    }
  }

  static Endpoint endpoint(int i) {
    return new Endpoint("pod-" + i, "10.0.0." + i, 8080);
  }

  static Endpoint endpoint(String address) {
    int colon = address.indexOf(':');
    return new Endpoint(address, address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
  }

  static final String CLUSTER = "outbound|8080||svc.default.svc.cluster.local";

  static ClusterInfo info(ClusterSettings settings, Simulation sim, Sink sink) {
    return new ClusterInfo(CLUSTER, settings, sim, sink);
  }

  /** A host with its own link, in a cluster of its own with {@code settings}. */
  static Host host(Endpoint endpoint, ClusterInfo info, HostLink link, int workers) {
    Host h = new Host(endpoint, link, info, OutlierMonitor.none(), workers);
    h.outlier().bind(h);
    return h;
  }

  /** Hosts at these addresses (ip:port), for balancer tests. */
  static Host[] hosts(List<String> addresses) {
    ClusterInfo info = info(ClusterSettings.istioDefaults(LbPolicy.ROUND_ROBIN), new Simulation(), new Sink());
    Host[] hosts = new Host[addresses.size()];
    for (int i = 0; i < hosts.length; i++) {
      hosts[i] = host(endpoint(addresses.get(i)), info, new Link(), 1);
    }
    return hosts;
  }
}
