package dev.meshsim.scenario;

/**
 * A Service port.
 *
 * @param name the port name (Istio reads the protocol from its prefix: http, http2, grpc, tcp…)
 * @param port the port number
 * @param protocol the protocol Istio selects for it (reference §5.4, {@link IstioProtocol#of}):
 *     {@code appProtocol} when set, else the name's prefix; {@link IstioProtocol#AUTO} when
 *     neither says, which Istio sniffs
 */
public record PortSpec(String name, int port, IstioProtocol protocol) {

  public PortSpec {
    if (protocol == null) {
      throw new IllegalArgumentException("protocol must not be null; use IstioProtocol.AUTO");
    }
  }

  /** A port whose protocol only its name (and number, for Istio's well-known TCP ports) says. */
  public PortSpec(String name, int port) {
    this(name, port, IstioProtocol.of(name, null, "TCP", port));
  }
}
