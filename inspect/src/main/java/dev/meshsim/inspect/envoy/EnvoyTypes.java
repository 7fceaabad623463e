package dev.meshsim.inspect.envoy;

import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.admin.v3.BootstrapConfigDump;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/** The protobuf plumbing config dumps need: the type registry, JSON in and out, small values. */
final class EnvoyTypes {
  /** Every type a config dump packs into an {@code Any}. */
  static final JsonFormat.TypeRegistry REGISTRY = JsonFormat.TypeRegistry.newBuilder()
      .add(BootstrapConfigDump.getDescriptor())
      .add(ClustersConfigDump.getDescriptor())
      .add(ListenersConfigDump.getDescriptor())
      .add(RoutesConfigDump.getDescriptor())
      .add(EndpointsConfigDump.getDescriptor())
      .add(Cluster.getDescriptor())
      .add(ClusterLoadAssignment.getDescriptor())
      .add(Listener.getDescriptor())
      .add(RouteConfiguration.getDescriptor())
      .add(HttpConnectionManager.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.getDescriptor())
      .add(HttpProtocolOptions.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext.getDescriptor())
      .add(io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate.getDescriptor())
      .build();

  private EnvoyTypes() {}

  static String toJson(Message m) {
    try {
      return JsonFormat.printer().usingTypeRegistry(REGISTRY).preservingProtoFieldNames().print(m) + "\n";
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a config dump type is missing from the registry", e);
    }
  }

  static Duration duration(long nanos) {
    return Duration.newBuilder().setSeconds(nanos / 1_000_000_000L).setNanos((int) (nanos % 1_000_000_000L)).build();
  }

  /**
   * The {@code istio} filter metadata istiod attaches ({@code config}: the Istio object's path),
   * which istioctl reads for its DESTINATION RULE and VIRTUAL SERVICE columns.
   */
  static Metadata istioConfig(String kind, String nameDotNamespace) {
    int dot = nameDotNamespace.indexOf('.');
    String path = "/apis/networking.istio.io/v1/namespaces/" + nameDotNamespace.substring(dot + 1) + "/" + kind
        + "/" + nameDotNamespace.substring(0, dot);
    Struct istio = Struct.newBuilder().putFields("config", Value.newBuilder().setStringValue(path).build()).build();
    return Metadata.newBuilder().putFilterMetadata("istio", istio).build();
  }
}
