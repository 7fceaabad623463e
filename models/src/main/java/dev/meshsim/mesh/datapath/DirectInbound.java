package dev.meshsim.mesh.datapath;

/**
 * A request that reached an app without a client sidecar (kube-proxy picked the pod): the answer,
 * or the reset, goes straight back to the calling app over the same leg.
 */
public final class DirectInbound implements Inbound {
  private final Exchange exchange;
  private final NetworkLeg leg;

  DirectInbound(Exchange exchange, NetworkLeg leg) {
    this.exchange = exchange;
    this.leg = leg;
  }

  @Override
  public Exchange caller() {
    return exchange;
  }

  @Override
  public void respond(int code) {
    exchange.setCode(code);
    long back = leg.responseNanos() + leg.upToClientApp();
    leg.server().sim().schedule(back, exchange); // fires exchange.end()
  }

  /** With no Envoy on the client, a broken connection is just an error; curl-like clients say 503. */
  @Override
  public void reset() {
    exchange.setCode(503);
    leg.server().sim().schedule(leg.resetNanos() + leg.upToClientApp(), exchange); // fires end()
  }

  @Override
  public RequestTemplate request() {
    return exchange.request();
  }
}
