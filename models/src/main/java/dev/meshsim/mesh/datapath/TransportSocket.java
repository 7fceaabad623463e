package dev.meshsim.mesh.datapath;

import dev.meshsim.istio.PeerAuthentication.Mode;
import dev.meshsim.mesh.upstream.TlsContext;

/**
 * What one client sidecar's connections to one endpoint speak, and how the server's side takes
 * it. The client's side is the cluster's {@link TlsContext}; auto mTLS resolves per endpoint as
 * istiod's EDS and transport socket matches do: mTLS to a pod with a sidecar unless its
 * PeerAuthentication DISABLEs the port (istio {@code pilot/pkg/xds/endpoints/endpoint_builder.go},
 * the mTLS checker) or the service's namespace or mesh policy is DISABLE ({@code
 * BestEffortInferServiceMTLSMode}); plaintext otherwise.
 *
 * <p>The server's side, as Envoy's inbound listener (with {@code tls_inspector}) or a plain app
 * takes it:
 *
 * <ul>
 *   <li>Istio mTLS is accepted by a sidecar in STRICT or PERMISSIVE mode;
 *   <li>plaintext is accepted by a sidecar in PERMISSIVE or DISABLE mode and by a pod without one;
 *       a STRICT sidecar has no filter chain for it: the TCP connect succeeds, and the connection
 *       is closed when the request arrives (the client sees {@code 503 UC}, connection termination);
 *   <li>any TLS to a DISABLE sidecar or to a plain app (which answers the ClientHello with an HTTP
 *       error and closes), and SIMPLE or MUTUAL TLS with a certificate not from the mesh CA to any
 *       sidecar (STRICT and PERMISSIVE require Istio's client certificate), fails the handshake:
 *       a connect failure ({@code 503 UF}, {@code WRONG_VERSION_NUMBER} or a certificate alert).
 * </ul>
 */
enum TransportSocket {
  /** Plain TCP. */
  PLAINTEXT,
  /** Istio mTLS with the workload certificates. */
  ISTIO_MTLS,
  /** TLS the user configured (SIMPLE or MUTUAL), not signed by the mesh CA. */
  USER_TLS;

  /** The socket {@code tls} gives for the endpoint on {@code port} of {@code server}. */
  static TransportSocket of(TlsContext tls, Pod server, int port) {
    return switch (tls) {
      case DISABLE -> PLAINTEXT;
      case SIMPLE, MUTUAL -> USER_TLS;
      case ISTIO_MUTUAL -> ISTIO_MTLS;
      case AUTO -> autoMtls(server, port);
    };
  }

  private static TransportSocket autoMtls(Pod server, int port) {
    if (server.sidecar() == null || server.inboundPolicy().namespaceMode() == Mode.DISABLE
        || server.inboundPolicy().modeFor(port) == Mode.DISABLE) {
      return PLAINTEXT;
    }
    return ISTIO_MTLS;
  }

  /** Whether the connection is TLS of some kind (it pays a handshake). */
  boolean encrypted() {
    return this != PLAINTEXT;
  }

  /** Whether the handshake with {@code server} on {@code port} succeeds (plaintext has none). */
  boolean handshakeSucceeds(Pod server, int port) {
    if (this == PLAINTEXT) {
      return true;
    }
    if (server.sidecar() == null) {
      return false; // the app speaks plaintext HTTP: it answers the ClientHello with an error
    }
    Mode mode = server.inboundPolicy().modeFor(port);
    return this == ISTIO_MTLS && mode != Mode.DISABLE;
  }

  /** Whether {@code server}'s sidecar closes this connection at its first request (plaintext into STRICT). */
  boolean closedOnRequest(Pod server, int port) {
    return this == PLAINTEXT && server.rejectsPlaintext(port);
  }
}
