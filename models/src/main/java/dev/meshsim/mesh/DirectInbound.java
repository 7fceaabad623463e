package dev.meshsim.mesh;

/**
 * A request that reached an app without a client sidecar (kube-proxy picked the pod): the answer,
 * or the reset, goes straight back to the calling app.
 */
final class DirectInbound implements Inbound {
  private final Exchange exchange;
  private final Pod server;

  DirectInbound(Exchange exchange, Pod server) {
    this.exchange = exchange;
    this.server = server;
  }

  @Override
  public void respond(int code) {
    exchange.setCode(code);
    long back = server.sendCost() + server.costs().network() + exchange.client().receiveCost();
    server.sim().schedule(back, exchange::end);
  }

  /** With no Envoy on the client, a broken connection is just an error; curl-like clients say 503. */
  @Override
  public void reset() {
    exchange.setCode(503);
    server.sim().schedule(server.costs().network() + exchange.client().receiveCost(), exchange::end);
  }
}
