package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.upstream.Connector;
import dev.meshsim.mesh.upstream.HostLink;

/**
 * The path between a client pod and a server pod, with its hop costs: the network each way (each
 * pod's own one-way latency for what it sends) and the server's sidecar passes. The client's own
 * sidecar passes are paid where the request enters and the answer leaves its Envoy ({@link
 * Pod#send}, {@link Sidecar#respondLocally}). A client sidecar's connection pools reach a host
 * through one of these ({@link HostLink}); without a sidecar the app uses one directly.
 */
public final class NetworkLeg implements HostLink {
  private final Pod client;
  private final Pod server;

  NetworkLeg(Pod client, Pod server) {
    this.client = client;
    this.server = server;
  }

  Pod server() {
    return server;
  }

  Pod client() {
    return client;
  }

  @Override
  public boolean accepting() {
    return server.acceptsConnections();
  }

  /**
   * A TCP handshake and then mTLS's (TLS 1.3, one round trip each): two round trips. A pod that
   * is not accepting connections answers the SYN with a reset after one round trip.
   */
  @Override
  public Connector.Outcome connect() {
    long roundTrip = client.costs().network() + server.costs().network();
    if (!server.acceptsConnections()) {
      return new Connector.Outcome(false, roundTrip);
    }
    return new Connector.Outcome(true, 2 * roundTrip);
  }

  /** One round trip between the two pods, each way drawn from its sender's network. */
  long roundTripNanos() {
    return client.costs().network() + server.costs().network();
  }

  /** A request leaves the client (its sidecar, or its app without one) for the server's app. */
  void sendRequest(Inbound request) {
    server.deliver(request, client.costs().network());
  }

  /** {@link #sendRequest} for a request that is its own arrival event (it calls {@link Pod#arrive}). */
  void sendArrival(Inbound request, dev.meshsim.engine.Event arrival) {
    server.deliverArrival(request, arrival, client.costs().network());
  }

  /** From the server's app answering to the answer reaching the client pod's network interface. */
  long responseNanos() {
    return server.sidecarPass() + server.costs().network();
  }

  /** From the server's side of the connection breaking to the client hearing of it. */
  long resetNanos() {
    return server.costs().network();
  }

  /** From the client pod's network interface up to its app (the client's sidecar pass, if any). */
  long upToClientApp() {
    return client.sidecarPass();
  }
}
