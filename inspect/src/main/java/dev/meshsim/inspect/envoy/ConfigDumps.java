package dev.meshsim.inspect.envoy;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import io.envoyproxy.envoy.admin.v3.BootstrapConfigDump;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.List;

/**
 * One proxy of a snapshot as Envoy's {@code /config_dump?include_eds} ({@code
 * envoy.admin.v3.ConfigDump}): bootstrap summary, dynamic listeners, route configurations, active
 * and warming clusters, endpoints, each with the version the proxy applied. {@code last_updated}
 * is the simulated instant (from the epoch, as meshsim has no wall clock).
 */
public final class ConfigDumps {
  private ConfigDumps() {}

  public static ConfigDump of(Snapshot snapshot, Proxy proxy) {
    Timestamp at = Timestamp.newBuilder().setSeconds(snapshot.atNanos() / 1_000_000_000L)
        .setNanos((int) (snapshot.atNanos() % 1_000_000_000L)).build();
    String cds = version(proxy, "CDS");
    String eds = version(proxy, "EDS");
    ClustersConfigDump.Builder clusters = ClustersConfigDump.newBuilder().setVersionInfo(cds);
    EndpointsConfigDump.Builder endpoints = EndpointsConfigDump.newBuilder();
    for (ClusterState c : proxy.clusters()) {
      clusters.addDynamicActiveClusters(ClustersConfigDump.DynamicCluster.newBuilder().setVersionInfo(cds)
          .setCluster(Any.pack(ClusterMapper.cluster(c))).setLastUpdated(at));
      if (c.lbPolicy().equals("CLUSTER_PROVIDED")) {
        continue; // ORIGINAL_DST: no EDS resource; its hosts show in /clusters only
      }
      endpoints.addDynamicEndpointConfigs(EndpointsConfigDump.DynamicEndpointConfig.newBuilder().setVersionInfo(eds)
          .setEndpointConfig(Any.pack(ClusterMapper.endpoints(c))).setLastUpdated(at));
    }
    for (String warming : proxy.warming()) {
      clusters.addDynamicWarmingClusters(ClustersConfigDump.DynamicCluster.newBuilder().setVersionInfo(cds)
          .setCluster(Any.pack(io.envoyproxy.envoy.config.cluster.v3.Cluster.newBuilder().setName(warming).build())));
    }
    List<RouteConfiguration> routeConfigs = RouteMapper.routeConfigurations(proxy.routes());
    RoutesConfigDump.Builder routes = RoutesConfigDump.newBuilder();
    routeConfigs.forEach(rc -> routes.addDynamicRouteConfigs(RoutesConfigDump.DynamicRouteConfig.newBuilder()
        .setVersionInfo(version(proxy, "RDS")).setRouteConfig(Any.pack(rc)).setLastUpdated(at)));
    ListenersConfigDump.Builder listeners = ListenersConfigDump.newBuilder().setVersionInfo(version(proxy, "LDS"));
    if (proxy.listening()) {
      InboundChains.apply(RouteMapper.listeners(routeConfigs, proxy.tcpListeners()), proxy.inbound())
          .forEach(l -> listeners.addDynamicListeners(
          ListenersConfigDump.DynamicListener.newBuilder().setName(l.getName()).setActiveState(
              ListenersConfigDump.DynamicListenerState.newBuilder().setVersionInfo(version(proxy, "LDS"))
                  .setListener(Any.pack(l)).setLastUpdated(at))));
    }
    return ConfigDump.newBuilder()
        .addConfigs(Any.pack(bootstrap(proxy)))
        .addConfigs(Any.pack(clusters.build()))
        .addConfigs(Any.pack(listeners.build()))
        .addConfigs(Any.pack(routes.build()))
        .addConfigs(Any.pack(endpoints.build()))
        .build();
  }

  /** The node as pilot-agent names it: {@code sidecar~IP~pod.namespace~namespace.svc.cluster.local}. */
  private static BootstrapConfigDump bootstrap(Proxy proxy) {
    Node node = Node.newBuilder()
        .setId("sidecar~" + (proxy.ip() == null ? "" : proxy.ip()) + "~" + proxy.name() + "~" + proxy.namespace()
            + ".svc.cluster.local")
        .setCluster(proxy.pod() + "." + proxy.namespace())
        .build();
    return BootstrapConfigDump.newBuilder().setBootstrap(Bootstrap.newBuilder().setNode(node)).build();
  }

  /** Envoy's version_info: the version the proxy applied, empty before any. */
  private static String version(Proxy proxy, String type) {
    long v = proxy.sync(type).applied();
    return v < 0 ? "" : Long.toString(v);
  }

  public static String toJson(ConfigDump dump) {
    return EnvoyTypes.toJson(dump);
  }
}
