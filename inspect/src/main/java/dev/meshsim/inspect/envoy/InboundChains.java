package dev.meshsim.inspect.envoy;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import dev.meshsim.inspect.snapshot.Snapshot.InboundTls;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inbound listener's filter chains as the PeerAuthentication shapes them (istio {@code
 * pilot/pkg/networking/core/listener_inbound.go}, with {@code tls_inspector} telling TLS from
 * plaintext): STRICT has only a chain matching {@code transport_protocol: tls} with Istio's ALPN,
 * whose transport socket requires a client certificate; DISABLE only a {@code raw_buffer} chain;
 * PERMISSIVE both. A port with its own mode gets its chains first, matched on {@code
 * destination_port}. Chain names are meshsim's, the HTTP filters inside are left out, and
 * certificates come over SDS in Istio: what the dump shows is which connections find a chain.
 */
final class InboundChains {
  private static final String VIRTUAL_INBOUND = "virtualInbound";
  /** The ALPN values a client sidecar's mTLS offers ({@code istio-peer-exchange}, {@code istio}, and the HTTP ones). */
  private static final List<String> ISTIO_ALPN =
      List.of("istio-peer-exchange", "istio", "istio-http/1.0", "istio-http/1.1", "istio-h2");

  private InboundChains() {}

  /** {@code listeners} with the inbound listener's chains for {@code inbound} (null: unchanged). */
  static List<Listener> apply(List<Listener> listeners, InboundTls inbound) {
    if (inbound == null) {
      return listeners;
    }
    List<Listener> out = new ArrayList<>();
    for (Listener l : listeners) {
      out.add(l.getName().equals(VIRTUAL_INBOUND) ? l.toBuilder().addAllFilterChains(chains(inbound)).build() : l);
    }
    return out;
  }

  private static List<FilterChain> chains(InboundTls inbound) {
    List<FilterChain> out = new ArrayList<>();
    for (Map.Entry<Integer, String> e : inbound.ports().entrySet()) {
      out.addAll(forMode(e.getValue(), e.getKey()));
    }
    out.addAll(forMode(inbound.mode(), 0));
    return out;
  }

  /** The chains of one mode; {@code port} 0 matches any destination port. */
  private static List<FilterChain> forMode(String mode, int port) {
    List<FilterChain> out = new ArrayList<>();
    String prefix = VIRTUAL_INBOUND + (port == 0 ? "" : "-" + port);
    if (!mode.equals("DISABLE")) {
      FilterChainMatch.Builder m = match(port).setTransportProtocol("tls").addAllApplicationProtocols(ISTIO_ALPN);
      out.add(FilterChain.newBuilder().setName(prefix + "-mtls").setFilterChainMatch(m)
          .setTransportSocket(TransportSocket.newBuilder().setName("envoy.transport_sockets.tls")
              .setTypedConfig(Any.pack(DownstreamTlsContext.newBuilder()
                  .setRequireClientCertificate(BoolValue.of(true))
                  .setCommonTlsContext(CommonTlsContext.newBuilder().addAlpnProtocols("h2").addAlpnProtocols("http/1.1"))
                  .build())))
          .build());
    }
    if (!mode.equals("STRICT")) {
      out.add(FilterChain.newBuilder().setName(prefix + "-plaintext")
          .setFilterChainMatch(match(port).setTransportProtocol("raw_buffer")).build());
    }
    return out;
  }

  private static FilterChainMatch.Builder match(int port) {
    FilterChainMatch.Builder m = FilterChainMatch.newBuilder();
    if (port != 0) {
      m.setDestinationPort(UInt32Value.of(port));
    }
    return m;
  }
}
