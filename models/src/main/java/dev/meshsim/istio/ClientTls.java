package dev.meshsim.istio;

/**
 * A DestinationRule's {@code trafficPolicy.tls} (destination_rule.proto {@code ClientTLSSettings}):
 * what the client sidecar speaks to the upstream. Certificates, SNI and SANs are read and not kept:
 * they do not change whether or when a handshake succeeds in meshsim's model.
 *
 * @param mode {@code mode}; the proto's default is {@link Mode#DISABLE} (enum value 0), so a
 *     {@code tls} block without a mode disables TLS
 */
public record ClientTls(Mode mode) {

  /** {@code ClientTLSSettings.TLSmode}. */
  public enum Mode {
    /** Plaintext. */
    DISABLE,
    /** TLS with the server's certificate checked; no client certificate. */
    SIMPLE,
    /** TLS with a client certificate the user supplies. */
    MUTUAL,
    /** Istio's mTLS with the workload's own certificate. */
    ISTIO_MUTUAL
  }

  public ClientTls {
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null; use DISABLE");
    }
  }
}
