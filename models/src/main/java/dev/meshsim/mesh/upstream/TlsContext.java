package dev.meshsim.mesh.upstream;

/**
 * What an Envoy cluster's transport socket speaks to its endpoints, as istiod builds it (istio
 * {@code pilot/pkg/networking/core/cluster_tls.go} {@code buildUpstreamTLSSettings}): the
 * DestinationRule's {@code tls} mode when it sets one; otherwise auto mTLS, whose {@code
 * transport_socket_matches} send Istio mTLS to endpoints labelled {@code tlsMode: istio} (pods with
 * a sidecar whose PeerAuthentication does not DISABLE the port) and plaintext to the others; or
 * plaintext when auto mTLS is off.
 */
public enum TlsContext {
  /** No {@code tls} in the DestinationRule, auto mTLS on: decided per endpoint. */
  AUTO,
  /** Plaintext ({@code DISABLE}, or no {@code tls} with auto mTLS off). */
  DISABLE,
  /** TLS with the server's certificate checked and no client certificate. */
  SIMPLE,
  /** TLS with a user-supplied client certificate. */
  MUTUAL,
  /** Istio's mTLS with the workload certificate. */
  ISTIO_MUTUAL
}
