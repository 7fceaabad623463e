package dev.meshsim.mesh;

import dev.meshsim.istio.IstioConfig;
import dev.meshsim.mesh.datapath.DataPathMetrics;
import dev.meshsim.mesh.datapath.HostCounters;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.xds.ProxySync;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.scenario.Scenario;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link MeshView} over one run's {@link Mesh}. */
final class LiveMeshView implements MeshView {
  private final Scenario scenario;
  private final Mesh mesh;

  LiveMeshView(Scenario scenario, Mesh mesh) {
    this.scenario = scenario;
    this.mesh = mesh;
  }

  @Override
  public long now() {
    return mesh.sim().now();
  }

  @Override
  public Scenario scenario() {
    return scenario;
  }

  @Override
  public long istiodVersion() {
    return mesh.istiod().version();
  }

  @Override
  public List<ProxySync> proxies() {
    return mesh.istiod().syncStatus();
  }

  @Override
  public IstioConfig istioConfig() {
    return mesh.istiod().configNow();
  }

  @Override
  public Map<String, Cluster> liveClusters(String pod) {
    Map<String, Cluster> newest = new TreeMap<>();
    for (DataPathMetrics.ClusterState c : mesh.metrics().clusters()) {
      if (c.sidecar().equals(pod)) {
        newest.put(c.cluster().name(), c.cluster()); // built in order: the last one is in force
      }
    }
    return Collections.unmodifiableMap(newest);
  }

  @Override
  public String podIp(String pod) {
    String ip = null;
    for (Pod p : mesh.pods()) {
      if (p.name().equals(pod)) {
        ip = p.ip(); // creation order: the last one is the newest
      }
    }
    return ip;
  }

  @Override
  public dev.meshsim.istio.PeerAuthenticationPolicy inboundPolicy(String pod) {
    dev.meshsim.istio.PeerAuthenticationPolicy policy = dev.meshsim.istio.PeerAuthenticationPolicy.PERMISSIVE;
    for (Pod p : mesh.pods()) {
      if (p.name().equals(pod)) {
        policy = p.inboundPolicy(); // creation order: the last one is the newest
      }
    }
    return policy;
  }

  @Override
  public Map<String, ClusterStats> clusterStats() {
    return Collections.unmodifiableMap(mesh.stats().clusters());
  }

  @Override
  public Map<String, ClusterStats> proxyClusterStats(String pod) {
    return Collections.unmodifiableMap(mesh.stats().proxyClusters(pod));
  }

  @Override
  public long[] hostCounters(String pod, dev.meshsim.mesh.upstream.Host host) {
    var counters = mesh.stats().hostCounters();
    return counters == null ? new long[HostCounters.Stat.values().length] : counters.get(pod, host);
  }
}
