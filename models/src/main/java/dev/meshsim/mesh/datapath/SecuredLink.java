package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.upstream.Connector;
import dev.meshsim.mesh.upstream.HostLink;
import dev.meshsim.mesh.upstream.TlsContext;

/**
 * A client sidecar's link to one endpoint of one cluster: the network leg with the cluster's
 * transport socket on top. A connect is a TCP handshake (one round trip), then for TLS one more
 * round trip (TLS 1.3) and the handshake's CPU time ({@code mesh.tls.handshake}); a TLS handshake
 * the server refuses fails after its second round trip. A server outside the mesh (a ServiceEntry's
 * external host) keeps the leg's own connect, TCP and one handshake round trip, whatever the rule
 * says: TLS origination to external hosts is not modelled.
 */
final class SecuredLink implements HostLink {
  private final NetworkLeg leg;
  private final TransportSocket socket;
  private final int port;
  private final long handshakeNanos;

  SecuredLink(NetworkLeg leg, TlsContext tls, int port, long handshakeNanos) {
    this.leg = leg;
    this.port = port;
    this.socket = leg.server().outsideMesh() ? null : TransportSocket.of(tls, leg.server(), port);
    this.handshakeNanos = handshakeNanos;
  }

  /** The network leg under the transport socket. */
  NetworkLeg leg() {
    return leg;
  }

  @Override
  public boolean accepting() {
    return leg.accepting();
  }

  @Override
  public Connector.Outcome connect() {
    if (socket == null) {
      return leg.connect();
    }
    long roundTrip = leg.roundTripNanos();
    if (!leg.server().acceptsConnections()) {
      return new Connector.Outcome(false, roundTrip);
    }
    if (!socket.encrypted()) {
      return new Connector.Outcome(true, roundTrip);
    }
    if (!socket.handshakeSucceeds(leg.server(), port)) {
      return new Connector.Outcome(false, 2 * roundTrip);
    }
    return new Connector.Outcome(true, 2 * roundTrip + handshakeNanos);
  }

  @Override
  public boolean closesOnRequest() {
    return socket != null && socket.closedOnRequest(leg.server(), port);
  }
}
