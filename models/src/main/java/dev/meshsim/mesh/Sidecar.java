package dev.meshsim.mesh;

import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.routing.WeightedCluster;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.mesh.xds.ProxyConfig;
import dev.meshsim.mesh.xds.XdsClient;
import java.util.HashMap;
import java.util.Map;

/**
 * A pod's Envoy, outbound side: the HTTP connection manager's route lookup and the router filter's
 * cluster and host choice (envoy {@code source/common/router/router.cc}, {@code decodeHeaders}).
 * Local replies follow Envoy: no route is {@code 404 NR}; a route whose cluster this proxy does not
 * have is {@code 503 NC} (Envoy ≥1.18; the cluster_not_found_response_code default); a cluster with
 * no healthy host is {@code 503 UH}.
 */
public final class Sidecar {
  private final Pod pod;
  private final Mesh mesh;
  private final RandomStream routeRandom;
  private final Map<String, Cluster> clusters = new HashMap<>();
  private final XdsClient xds;

  Sidecar(Pod pod, Mesh mesh, ProxyConfig config) {
    this.pod = pod;
    this.mesh = mesh;
    this.xds = new XdsClient(config);
    this.routeRandom = mesh.streams().stream("pod/" + pod.name() + "/route");
  }

  /** This proxy's xDS client: the config it has applied. */
  public XdsClient xds() {
    return xds;
  }

  /** The router's decision for a request that reached this sidecar from its app. */
  void route(Exchange exchange) {
    var request = exchange.request().attributes();
    VirtualHost vhost = xds.routes().virtualHost(request.host(), request.port());
    Route route = vhost == null ? null : vhost.match(request);
    if (route == null) {
      localReply(exchange, 404, ResponseFlag.NO_ROUTE_FOUND);
      return;
    }
    WeightedCluster target = route.pickCluster(routeRandom);
    exchange.routedTo(target.clusterName());
    mesh.stats().countRouted(exchange, target.clusterName());
    Cluster cluster = cluster(target.clusterName());
    if (cluster == null) {
      localReply(exchange, 503, ResponseFlag.NO_CLUSTER_FOUND);
    } else if (!cluster.hasHealthyHost()) {
      localReply(exchange, 503, ResponseFlag.NO_HEALTHY_UPSTREAM);
    } else {
      forward(exchange, cluster);
    }
  }

  private void forward(Exchange exchange, Cluster cluster) {
    int host = cluster.pickHost();
    exchange.attach(cluster, host);
    cluster.endpoint(host).pod().deliver(exchange, pod.costs().network());
  }

  /** A response Envoy makes itself; it goes back through the encoder and iptables to the app. */
  private void localReply(Exchange exchange, int code, ResponseFlag flag) {
    exchange.setCode(code);
    exchange.addFlag(flag);
    pod.sim().schedule(pod.receiveCost(), exchange::end);
  }

  /**
   * This proxy's state for a cluster it has, created on first use and renewed when xDS delivered a
   * new version of the cluster; null if the proxy has no such (warm) cluster.
   */
  private Cluster cluster(String name) {
    ClusterConfig cc = xds.cluster(name);
    if (cc == null) {
      return null;
    }
    Cluster cluster = clusters.get(name);
    if (cluster == null || cluster.config() != cc) {
      cluster = new Cluster(cc, mesh.streams().stream("pod/" + pod.name() + "/lb/" + name));
      clusters.put(name, cluster);
    }
    return cluster;
  }
}
