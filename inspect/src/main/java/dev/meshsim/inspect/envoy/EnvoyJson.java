package dev.meshsim.inspect.envoy;

import com.google.protobuf.Message;
import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import java.util.List;
import java.util.stream.Collectors;

/** {@code proxy-config … -o json}: the Envoy objects themselves, as a JSON array (as istioctl prints them). */
public final class EnvoyJson {
  private EnvoyJson() {}

  public static String clusters(List<ClusterState> clusters) {
    return array(clusters.stream().map(ClusterMapper::cluster).toList());
  }

  public static String endpoints(List<ClusterState> clusters) {
    return array(clusters.stream().map(ClusterMapper::endpoints).toList());
  }

  public static String routes(Proxy proxy) {
    return array(RouteMapper.routeConfigurations(proxy.routes()));
  }

  public static String listeners(Proxy proxy) {
    return array(proxy.listening()
        ? InboundChains.apply(RouteMapper.listeners(RouteMapper.routeConfigurations(proxy.routes()), proxy.tcpListeners()),
            proxy.inbound())
        : List.of());
  }

  private static String array(List<? extends Message> messages) {
    if (messages.isEmpty()) {
      return "[]\n";
    }
    return messages.stream().map(m -> EnvoyTypes.toJson(m).strip().indent(2).stripTrailing())
        .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
  }
}
