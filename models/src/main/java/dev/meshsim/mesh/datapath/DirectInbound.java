package dev.meshsim.mesh.datapath;

/**
 * A request that reached an app without a client sidecar (kube-proxy picked the pod): the answer,
 * or the reset, goes straight back to the calling app over the same leg.
 */
public final class DirectInbound implements Inbound {
  private final Exchange exchange;
  private final NetworkLeg leg;
  private long arrivedNanos;
  /** The server sidecar's retries of a refused connect to its app; made on the first refusal. */
  private InboundConnectRetry connectRetry;

  DirectInbound(Exchange exchange, NetworkLeg leg) {
    this.exchange = exchange;
    this.leg = leg;
  }

  @Override
  public Exchange caller() {
    return exchange;
  }

  @Override
  public void arrived(long nanos) {
    arrivedNanos = nanos;
  }

  @Override
  public boolean retriedConnect() {
    return connectRetry != null && connectRetry.retried();
  }

  /**
   * The app refused the connect: the server's sidecar, if it has one, tries again ({@link
   * InboundConnectRetry}), else answers 503.
   */
  @Override
  public void refused() {
    if (connectRetry == null) {
      connectRetry = new InboundConnectRetry();
    }
    if (connectRetry.retry(leg, this)) {
      return;
    }
    logInbound(503, connectRetry.flags());
    answer(503);
  }

  @Override
  public void appReset() {
    logInbound(503, "UC");
    answer(503);
  }

  @Override
  public void respond(int code) {
    logInbound(code, "-");
    answer(code);
  }

  /** The server's sidecar, if it has one, logs the request: its client had none. */
  private void logInbound(int code, String flags) {
    Pod server = leg.server();
    AccessLogRecorder log = server.sidecarLog();
    if (log != null && server.logsInbound()) {
      var spec = exchange.request().spec();
      log.inbound(server, leg.client(), exchange, exchange.request(),
          new dev.meshsim.mesh.upstream.Endpoint(server.name(), server.ip(), spec.port()), false, arrivedNanos,
          server.sim().now(), code, flags);
    }
  }

  private void answer(int code) {
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
