package dev.meshsim.inspect.envoy;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;

/**
 * A cluster's transport socket as istiod writes it (istio {@code pilot/pkg/networking/core/cluster_tls.go}):
 * auto mTLS as two {@code transport_socket_matches}, {@code tlsMode-istio} (Istio mTLS for endpoints
 * labelled {@code tlsMode: istio}) and {@code tlsMode-disabled} (raw buffer for the rest); an
 * explicit ISTIO_MUTUAL as the mTLS socket alone; SIMPLE and MUTUAL as a TLS socket; DISABLE as no
 * socket (plaintext). Certificates come over SDS in Istio and are left out: meshsim has none.
 */
final class TransportSockets {
  private static final String TLS = "envoy.transport_sockets.tls";
  /** Istio's ALPN for mTLS between sidecars. */
  private static final String[] ISTIO_ALPN = {"istio-peer-exchange", "istio"};

  private TransportSockets() {}

  static void apply(Cluster.Builder b, ClusterState c) {
    if (c.tls() == null) {
      return; // a snapshot from before transport sockets were recorded
    }
    switch (c.tls()) {
      case "AUTO" -> b.addTransportSocketMatches(Cluster.TransportSocketMatch.newBuilder().setName("tlsMode-istio")
              .setMatch(Struct.newBuilder().putFields("tlsMode", Value.newBuilder().setStringValue("istio").build()))
              .setTransportSocket(istioMutual(c.name())))
          .addTransportSocketMatches(Cluster.TransportSocketMatch.newBuilder().setName("tlsMode-disabled")
              .setMatch(Struct.getDefaultInstance())
              .setTransportSocket(TransportSocket.newBuilder().setName("envoy.transport_sockets.raw_buffer")
                  .setTypedConfig(Any.pack(RawBuffer.getDefaultInstance()))));
      case "ISTIO_MUTUAL" -> b.setTransportSocket(istioMutual(c.name()));
      case "SIMPLE", "MUTUAL" -> b.setTransportSocket(TransportSocket.newBuilder().setName(TLS)
          .setTypedConfig(Any.pack(UpstreamTlsContext.newBuilder()
              .setCommonTlsContext(CommonTlsContext.getDefaultInstance()).build())));
      default -> { } // DISABLE: plaintext, no transport socket
    }
  }

  /** Istio mTLS: its ALPN and the SNI {@code outbound_.<port>_.<subset>_.<fqdn>} the server's chains match. */
  private static TransportSocket istioMutual(String clusterName) {
    CommonTlsContext.Builder common = CommonTlsContext.newBuilder();
    for (String alpn : ISTIO_ALPN) {
      common.addAlpnProtocols(alpn);
    }
    return TransportSocket.newBuilder().setName(TLS).setTypedConfig(Any.pack(UpstreamTlsContext.newBuilder()
        .setCommonTlsContext(common).setSni(sni(clusterName)).build())).build();
  }

  /** {@code outbound|9080|v1|reviews.default.svc.cluster.local} → {@code outbound_.9080_.v1_.reviews.default.svc.cluster.local}. */
  static String sni(String clusterName) {
    return clusterName.replace("|", "_.");
  }
}
