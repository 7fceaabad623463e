package dev.meshsim.mesh;

import dev.meshsim.mesh.upstream.Cluster;

/**
 * One HTTP request and its response, from the sending app's point of view. It ends exactly once,
 * with one response code and the response flags Envoy set (in the order set, as current Envoy logs
 * them).
 */
public final class Exchange {
  /** Called once when the response reaches the sending app. */
  @FunctionalInterface
  public interface ResponseHandler {
    void onResponse(Exchange exchange);
  }

  private final RequestTemplate request;
  private final Pod client;
  private final long startNanos;
  private final ResponseHandler handler;

  private int code;
  private String flags = "-";
  private String clusterName;
  private Cluster cluster;
  private int host = -1;
  private boolean ended;

  Exchange(RequestTemplate request, Pod client, long startNanos, ResponseHandler handler) {
    this.request = request;
    this.client = client;
    this.startNanos = startNanos;
    this.handler = handler;
  }

  public RequestTemplate request() {
    return request;
  }

  public Pod client() {
    return client;
  }

  public long startNanos() {
    return startNanos;
  }

  public int code() {
    return code;
  }

  /** Envoy's {@code %RESPONSE_FLAGS%}: {@code -} for none, else short names joined by commas. */
  public String flags() {
    return flags;
  }

  /** The Envoy cluster the client sidecar routed to, or null (no sidecar, or no route). */
  public String clusterName() {
    return clusterName;
  }

  /** Whether the response is a 2xx. */
  public boolean succeeded() {
    return code >= 200 && code < 300;
  }

  void setCode(int code) {
    this.code = code;
  }

  void addFlag(ResponseFlag flag) {
    flags = flags.equals("-") ? flag.shortName() : flags + "," + flag.shortName();
  }

  void routedTo(String name) {
    this.clusterName = name;
  }

  /** The client sidecar's cluster and host now carrying this request. */
  void attach(Cluster upstream, int upstreamHost) {
    this.cluster = upstream;
    this.host = upstreamHost;
  }

  /** Delivers the response to the sender; releases the upstream host it held. */
  void end() {
    if (ended) {
      throw new IllegalStateException("request ended twice: " + request.spec().authority());
    }
    ended = true;
    if (cluster != null) {
      cluster.release(host);
    }
    handler.onResponse(this);
  }
}
