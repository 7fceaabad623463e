package dev.meshsim.inspect.envoy;

import com.google.protobuf.Any;
import dev.meshsim.inspect.snapshot.Snapshot.TcpListenerState;
import dev.meshsim.inspect.snapshot.Snapshot.WeightedClusterState;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A proxy's outbound TCP listeners as Envoy's {@code Listener}s: one per TCP or TLS host and port,
 * its filter chain a {@code tcp_proxy} with the cluster, or {@code weighted_clusters}, istiod gives
 * it ({@code buildOutboundNetworkFilters}). Istio binds such a listener to the Service's cluster IP
 * ({@code <ip>_<port>}); meshsim has no cluster IPs, so name and address carry the host instead.
 */
final class TcpListenerMapper {
  static final String TCP_PROXY = "envoy.filters.network.tcp_proxy";

  private TcpListenerMapper() {}

  static List<Listener> listeners(List<TcpListenerState> tcp) {
    List<Listener> out = new ArrayList<>();
    for (TcpListenerState t : tcp) {
      TcpProxy.Builder proxy = TcpProxy.newBuilder();
      if (t.clusters().size() == 1) {
        String cluster = t.clusters().get(0).name();
        proxy.setStatPrefix(cluster).setCluster(cluster);
      } else {
        TcpProxy.WeightedCluster.Builder weighted = TcpProxy.WeightedCluster.newBuilder();
        for (WeightedClusterState c : t.clusters()) {
          weighted.addClusters(TcpProxy.WeightedCluster.ClusterWeight.newBuilder().setName(c.name())
              .setWeight(c.weight()));
        }
        proxy.setStatPrefix(t.host() + "_" + t.port()).setWeightedClusters(weighted);
      }
      int port = Integer.parseInt(t.port());
      out.add(Listener.newBuilder().setName(t.host() + "_" + t.port())
          .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(t.host())
              .setPortValue(port)))
          .addFilterChains(FilterChain.newBuilder().addFilters(Filter.newBuilder().setName(TCP_PROXY)
              .setTypedConfig(Any.pack(proxy.build()))))
          .build());
    }
    return out;
  }
}
