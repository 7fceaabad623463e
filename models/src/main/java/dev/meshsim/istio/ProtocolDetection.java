package dev.meshsim.istio;

/**
 * How Istio treats a port whose protocol nothing declares (reference §5.4): istiod's switches
 * {@code PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND} and {@code _FOR_INBOUND} (istio {@code
 * pilot/pkg/features}, both default true; the Istio 1.4 docs have outbound on and inbound off, the
 * 1.5 docs both on) and the mesh's {@code protocolDetectionTimeout}: 100 ms in Istio 1.5 to 1.7,
 * disabled (0 s) since 1.8 (its upgrade notes: the timeout had broken slow clients).
 *
 * <p>With sniffing on, Envoy's {@code http_inspector} reads the connection's first bytes: an HTTP
 * client is detected at once and gets the HTTP filter chain (VirtualService {@code http} routes
 * apply); anything else is TCP. With it off, such a port is plain TCP.
 *
 * @param outbound sniffing on the client sidecar's outbound listeners
 * @param inbound sniffing on the server sidecar's inbound listener
 * @param timeoutNanos how long the inspector waits for the client's first bytes before falling back
 *     to TCP; 0 waits for ever
 */
public record ProtocolDetection(boolean outbound, boolean inbound, long timeoutNanos) {

  /** Istio's defaults since 1.8. */
  public static final ProtocolDetection DEFAULT = new ProtocolDetection(true, true, 0);

  public ProtocolDetection {
    if (timeoutNanos < 0) {
      throw new IllegalArgumentException("timeout must be >= 0");
    }
  }
}
