package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import dev.meshsim.inspect.snapshot.Snapshot.HostState;
import dev.meshsim.inspect.snapshot.Snapshot.Outlier;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import dev.meshsim.inspect.snapshot.Snapshot.TypeSync;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.DestinationRuleLookup;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.mesh.MeshView;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.mesh.upstream.ClusterSettings;
import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.mesh.upstream.Host;
import dev.meshsim.mesh.upstream.OutlierSettings;
import dev.meshsim.mesh.xds.ProxyConfig;
import dev.meshsim.mesh.xds.ProxySync;
import dev.meshsim.mesh.xds.XdsClient;
import dev.meshsim.mesh.xds.XdsType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link MeshView} into a {@link Snapshot}: for each connected proxy, istiod's sync state,
 * the clusters it holds (CDS settings with EDS endpoints, overlaid with the live hosts' gauges), its
 * routes and its stats. Only reads: the mesh is not changed.
 */
public final class SnapshotCapture {
  /** istioctl's order of the xDS columns. */
  static final List<XdsType> COLUMNS = List.of(XdsType.CDS, XdsType.LDS, XdsType.EDS, XdsType.RDS);

  private SnapshotCapture() {}

  public static Snapshot capture(MeshView view, Snapshot.Origin origin) {
    IstioConfig istio = view.istioConfig();
    List<Proxy> proxies = new ArrayList<>();
    for (ProxySync sync : view.proxies()) {
      proxies.add(proxy(view, sync, istio));
    }
    proxies.sort(Comparator.comparing(Proxy::name));
    return new Snapshot(origin, view.now(), view.scenario().istioVersion().toString(), view.istiodVersion(), proxies);
  }

  private static Proxy proxy(MeshView view, ProxySync sync, IstioConfig istio) {
    XdsClient client = sync.client();
    List<TypeSync> xds = new ArrayList<>();
    for (XdsType t : COLUMNS) {
      xds.add(new TypeSync(t.name(), client.version(t), sync.sent(t)));
    }
    Map<String, Cluster> live = view.liveClusters(sync.pod());
    List<ClusterState> clusters = new ArrayList<>();
    ProxyConfig cds = client.appliedClusters();
    if (cds != null) {
      for (String name : cds.clusters().keySet()) {
        ClusterConfig warm = client.cluster(name);
        if (warm != null) {
          clusters.add(cluster(view, sync.pod(), name, cds.cluster(name).settings(), warm, live.get(name),
              destinationRule(istio, name, sync.namespace())));
        }
      }
    }
    clusters.sort(Comparator.comparing(ClusterState::name));
    return new Proxy(sync.pod() + "." + sync.namespace(), sync.pod(), sync.namespace(), view.podIp(sync.pod()), xds,
        client.listening(),
        clusters, client.warmingClusters(), RouteCapture.virtualHosts(client, istio, sync.namespace()),
        ProxyStats.of(clusters, view.proxyClusterStats(sync.pod())), RouteCapture.tcpListeners(client),
        inbound(view.inboundPolicy(sync.pod())));
  }

  private static Snapshot.InboundTls inbound(dev.meshsim.istio.PeerAuthenticationPolicy p) {
    java.util.SortedMap<Integer, String> ports = new java.util.TreeMap<>();
    p.perPort().forEach((port, mode) -> ports.put(port, mode.name()));
    return new Snapshot.InboundTls(p.mode().name(), ports);
  }

  private static ClusterState cluster(MeshView view, String pod, String name, ClusterSettings s,
      ClusterConfig endpoints, Cluster live, String destinationRule) {
    Map<String, Host> liveHosts = new HashMap<>();
    if (live != null) {
      live.hosts().forEach(h -> liveHosts.put(h.address(), h));
    }
    List<HostState> hosts = new ArrayList<>();
    if (s.lbPolicy() == dev.meshsim.mesh.upstream.LbPolicy.CLUSTER_PROVIDED && live != null) {
      // ORIGINAL_DST: no EDS; the hosts are the destinations requests brought, as Envoy's /clusters lists them.
      for (Host h : live.hosts()) {
        long[] n = view.hostCounters(pod, h); // rq_total, rq_success, rq_error, rq_timeout, cx_total, cx_connect_fail
        hosts.add(new HostState(h.address(), h.endpoint().podName(), 0, h.ejected(), h.connections(),
            h.activeRequests(), n[0], n[1], n[2], n[3], n[4], n[5]));
      }
    }
    for (int i = 0; i < endpoints.endpoints().size(); i++) {
      Endpoint e = endpoints.endpoints().get(i);
      Host h = liveHosts.get(e.address());
      // In MeshView.hostCounters' order: rq_total, rq_success, rq_error, rq_timeout, cx_total, cx_connect_fail.
      long[] n = h == null ? new long[6] : view.hostCounters(pod, h);
      hosts.add(new HostState(e.address(), e.podName(), endpoints.priorities().get(i), h != null && h.ejected(),
          h == null ? 0 : h.connections(), h == null ? 0 : h.activeRequests(), n[0], n[1], n[2], n[3], n[4], n[5]));
    }
    var t = s.thresholds();
    var b = live == null ? null : live.breaker();
    return new ClusterState(name, destinationRule, s.lbPolicy().name(), s.connectTimeoutNanos(),
        t.maxConnections(), t.maxPendingRequests(), t.maxRequests(), t.maxRetries(), s.maxRequestsPerConnection(),
        s.idleTimeoutNanos(), outlier(s.outlier()), s.panicThresholdPercent(),
        b == null ? 0 : b.connections(), b == null ? 0 : b.pendingRequests(), b == null ? 0 : b.requests(),
        b == null ? 0 : b.retries(), hosts, s.tls().name());
  }

  private static Outlier outlier(OutlierSettings o) {
    return o == null ? null : new Outlier(o.consecutive5xx(), o.consecutiveGatewayErrors(), o.intervalNanos(),
        o.baseEjectionNanos(), o.maxEjectionNanos(), o.maxEjectionPercent());
  }

  /**
   * istioctl's DESTINATION RULE column: the rule istiod's store applies to the cluster's service
   * for this proxy now ({@code outbound|port|subset|fqdn}).
   */
  private static String destinationRule(IstioConfig istio, String cluster, String proxyNamespace) {
    String[] parts = cluster.split("\\|", -1);
    if (parts.length != 4) {
      return null;
    }
    String fqdn = parts[3];
    String[] labels = fqdn.split("\\.");
    String serviceNamespace = labels.length > 1 ? labels[1] : proxyNamespace;
    List<DestinationRule> rules = DestinationRuleLookup.rulesFor(istio.destinationRules(), fqdn, serviceNamespace,
        proxyNamespace);
    if (rules.isEmpty()) {
      return null;
    }
    DestinationRule dr = rules.get(0);
    return dr.meta().name() + "." + dr.meta().namespace();
  }
}
