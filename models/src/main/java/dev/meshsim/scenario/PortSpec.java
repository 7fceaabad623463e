package dev.meshsim.scenario;

/**
 * A Service port.
 *
 * @param name the port name (Istio reads the protocol from its prefix: http, http2, grpc, tcp…)
 * @param port the port number
 * @param protocol the protocol Istio selects for it (reference §5.4, {@link IstioProtocol#of}):
 *     {@code appProtocol} when set, else the name's prefix; {@link IstioProtocol#AUTO} when
 *     neither says, which Istio sniffs
 * @param serverFirst whether the app on this port speaks first (MySQL, SMTP…: the client waits for
 *     its greeting), which protocol detection cannot see (docs/protocols.md); meshsim's own key
 */
public record PortSpec(String name, int port, IstioProtocol protocol, boolean serverFirst) {

  public PortSpec {
    if (protocol == null) {
      throw new IllegalArgumentException("protocol must not be null; use IstioProtocol.AUTO");
    }
  }

  /** A client-first port (the client writes first, as HTTP clients do). */
  public PortSpec(String name, int port, IstioProtocol protocol) {
    this(name, port, protocol, false);
  }

  /** A port whose protocol only its name (and number, for Istio's well-known TCP ports) says. */
  public PortSpec(String name, int port) {
    this(name, port, IstioProtocol.of(name, null, "TCP", port));
  }
}
