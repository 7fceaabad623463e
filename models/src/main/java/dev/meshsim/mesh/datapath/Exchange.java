package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.streaminfo.ResponseFlags;
import dev.meshsim.mesh.streaminfo.ResponseFlag;

import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.result.FinishedRequest;

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
  private final ResponseFlags flags = new ResponseFlags();
  private String clusterName;
  private boolean ended;
  // What the client sidecar's access log shows (read by reports through FinishedRequest).
  private long proxyStartNanos = -1;
  private long routedNanos = -1;
  private long proxyEndNanos = -1;
  private String routeName;
  private Endpoint upstream;

  public Exchange(RequestTemplate request, Pod client, long startNanos, ResponseHandler handler) {
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
    return flags.toString();
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
    flags.add(flag);
  }

  void routedTo(String name, String route, long nowNanos) {
    this.clusterName = name;
    this.routeName = route;
    this.routedNanos = nowNanos;
  }

  void arrivedAtProxy(long nowNanos) {
    proxyStartNanos = nowNanos;
  }

  void leftProxy(long nowNanos) {
    proxyEndNanos = nowNanos;
  }

  void attempting(Endpoint host) {
    upstream = host;
  }

  /** The record reports read once this request has ended at {@code endNanos}. */
  FinishedRequest finished(long endNanos) {
    var spec = request.spec();
    return new FinishedRequest(client.name(), client.namespace(), client.ip(), spec.method(), spec.path(),
        spec.authority(), spec.host(), spec.port(), spec.headers(), startNanos, endNanos, proxyStartNanos,
        proxyEndNanos, routedNanos, code, flags(), routeName, clusterName,
        upstream == null ? null : upstream.address(), upstream == null ? null : upstream.podName());
  }

  /** Delivers the response to the sender. */
  void end() {
    if (ended) {
      throw new IllegalStateException("request ended twice: " + request.spec().authority());
    }
    ended = true;
    handler.onResponse(this);
  }
}
