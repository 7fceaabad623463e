package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.streaminfo.ResponseFlags;
import dev.meshsim.mesh.streaminfo.ResponseFlag;

import dev.meshsim.engine.Event;
import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.result.FinishedRequest;

/**
 * One HTTP request and its response, from the sending app's point of view. It ends exactly once,
 * with one response code and the response flags Envoy set (in the order set, as current Envoy logs
 * them), unless the sending app gave up on it first ({@link #abandon}): then the answer goes
 * nowhere and the client sidecar, told at once, resets its side.
 *
 * <p>It also carries the trace it belongs to: the load generator's request that started the call
 * tree, and whether this request's span is linked into that trace (every app on the way passed the
 * trace headers on).
 */
public final class Exchange implements Event {
  /** Called once when the response reaches the sending app. */
  @FunctionalInterface
  public interface ResponseHandler {
    void onResponse(Exchange exchange);
  }

  /** The client sidecar's side of a request, told when the sending app closes its connection. */
  public interface DownstreamReset {
    void onDownstreamReset(Exchange exchange);
  }

  private final RequestTemplate request;
  private final Pod client;
  private final long startNanos;
  private final ResponseHandler handler;

  private int code;
  private int flags; // ResponseFlags bits
  private String clusterName;
  private boolean ended;
  // What the client sidecar's access log shows (read by reports through FinishedRequest).
  private long proxyStartNanos = -1;
  private long routedNanos = -1;
  private long proxyEndNanos = -1;
  private String routeName;
  private Endpoint upstream;
  private boolean abandoned;
  private DownstreamReset downstream;
  private Exchange trace = this;
  private boolean linked = true;
  private boolean traceBroken;
  /** The app's connection to its sidecar when it keeps one open across requests; null for its own. */
  private DownstreamConnection connection;
  /** Whether a {@code tcp_proxy} carried it (no HTTP routing in the client sidecar). */
  private boolean tcpProxied;
  /** What only the access log reads; allocated only when a run keeps one (or at a gateway hop). */
  private LogContext log;
  /** The request as sent upstream after a route's rewrite, or null when it is {@link #request}. */
  private RequestTemplate upstreamRequest;
  private boolean shadow;
  /** The sidecar this request is on its way to (its one pending event is the arrival there), or null. */
  private Sidecar arrivingAt;

  /** A request that starts a trace of its own (a load generator's). */
  public Exchange(RequestTemplate request, Pod client, long startNanos, ResponseHandler handler) {
    this.request = request;
    this.client = client;
    this.startNanos = startNanos;
    this.handler = handler;
  }

  /**
   * A call an app makes while serving {@code servedBy}'s request: it belongs to the same trace, and
   * its span is linked only if the served span was and the app passed the trace context on. A link
   * broken here marks the trace broken.
   */
  public Exchange(RequestTemplate request, Pod client, long startNanos, ResponseHandler handler, Exchange servedBy,
      boolean passesTraceContext) {
    this(request, client, startNanos, handler);
    this.trace = servedBy.trace;
    this.linked = servedBy.linked && passesTraceContext;
    if (servedBy.linked && !passesTraceContext) {
      servedBy.trace.traceBroken = true;
    }
  }

  /**
   * Sends this request on {@code c}, a connection the app keeps open across requests (fortio's
   * {@code -c} connections). Only a {@code tcp_proxy} tells the difference: it balances connections,
   * so every request on {@code c} reaches the host its first one did. Returns this.
   */
  public Exchange onConnection(DownstreamConnection c) {
    this.connection = c;
    return this;
  }

  /** The kept-open connection this request travels on, or null (a connection of its own). */
  DownstreamConnection connection() {
    return connection;
  }

  /**
   * The app copies the served request's {@code x-request-id} onto this call ({@code propagate}
   * lists it), so the next Envoy keeps it instead of generating one.
   */
  public void inheritRequestId(Exchange served) {
    if (served.hasRequestId()) {
      log().setRequestId(served.log.requestId);
    }
  }

  /** Whether some Envoy has set this request's {@code x-request-id}. */
  boolean hasRequestId() {
    return log != null && log.hasRequestId;
  }

  /** The first Envoy that sees the request without one generates its {@code x-request-id}. */
  void setRequestId(long id) {
    log().setRequestId(id);
  }

  /** The 64 bits the {@code x-request-id} UUID is made from. */
  long requestId() {
    return log == null ? 0 : log.requestId;
  }

  /** The request as the client sidecar sent it upstream (after the route's rewrite and headers). */
  public RequestTemplate upstreamRequest() {
    return upstreamRequest == null ? request : upstreamRequest;
  }

  void rewrittenTo(RequestTemplate sent) {
    upstreamRequest = sent;
  }

  /** The last attempt got connection {@code serial} of worker {@code worker}'s pool to its host. */
  void connectedVia(int worker, int serial) {
    log().upstreamWorker = worker;
    log().upstreamConnection = serial;
  }

  int upstreamWorker() {
    return log == null ? -1 : log.upstreamWorker;
  }

  /** The serial of the last attempt's upstream connection in its pool, -1 if none was attached. */
  int upstreamConnection() {
    return log == null ? -1 : log.upstreamConnection;
  }

  /**
   * {@code %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%}: the path before the first rewrite on the way (Envoy
   * sets {@code x-envoy-original-path} when it rewrites and forwards it with the request).
   */
  String loggedPath() {
    return log != null && log.originalPath != null ? log.originalPath : request.spec().path();
  }

  /**
   * A gateway's Envoy forwards {@code received}: one Envoy, so the {@code x-request-id} it got (or
   * will generate) and the {@code x-envoy-original-path} go on, and its log shows the connection
   * the request came in on.
   */
  public void forwardedFrom(Exchange received) {
    inheritRequestId(received);
    String p = received.loggedPath();
    if (!p.equals(request.spec().path())) {
      log().originalPath = p;
    }
    log().forwardedFrom = received;
  }

  /** The request a gateway received and forwards as this one, or null. */
  Exchange forwardedFrom() {
    return log == null ? null : log.forwardedFrom;
  }

  private LogContext log() {
    if (log == null) {
      log = new LogContext();
    }
    return log;
  }

  /** The access log's view of the request: its id, its connection, where a gateway got it. */
  private static final class LogContext {
    private long requestId;
    private boolean hasRequestId;
    private int upstreamWorker = -1;
    private int upstreamConnection = -1;
    /** {@code x-envoy-original-path} as it arrived (a gateway forwarding a rewritten request), or null. */
    private String originalPath;
    private Exchange forwardedFrom;

    void setRequestId(long id) {
      requestId = id;
      hasRequestId = true;
    }
  }

  /** A mirror's copy: Envoy's connection manager never logs it (its upstream still does). */
  void markShadow() {
    shadow = true;
  }

  boolean shadow() {
    return shadow;
  }

  long proxyStartNanos() {
    return proxyStartNanos;
  }

  long routedNanos() {
    return routedNanos;
  }

  String routeName() {
    return routeName;
  }

  Endpoint upstream() {
    return upstream;
  }

  /** The load generator's request whose call tree this request is part of (itself for one). */
  public Exchange trace() {
    return trace;
  }

  /** Whether this request's span is linked into {@link #trace()}'s trace. */
  public boolean linked() {
    return linked;
  }

  /** For a load generator's request: whether some app in its call tree broke the trace. */
  public boolean traceBroken() {
    return traceBroken;
  }

  /**
   * The sending app gives up (its own timeout) and closes the connection: the answer, whenever it
   * comes, is dropped, and the client sidecar resets its request as Envoy does on a downstream
   * disconnect. Nothing happens if the request already ended.
   */
  public void abandon() {
    if (ended || abandoned) {
      return;
    }
    abandoned = true;
    if (downstream != null) {
      downstream.onDownstreamReset(this);
    }
  }

  /** Whether the sending app gave up on this request. */
  public boolean abandoned() {
    return abandoned;
  }

  /** The client sidecar's router takes the request: it hears of an abandon from now on. */
  void attach(DownstreamReset router) {
    this.downstream = router;
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
    return ResponseFlags.toString(flags);
  }

  /** Whether Envoy set {@code flag} on this request. */
  boolean hasFlag(ResponseFlag flag) {
    return ResponseFlags.has(flags, flag);
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
    flags = ResponseFlags.with(flags, flag);
  }

  void routedTo(String name, String route, long nowNanos) {
    this.clusterName = name;
    this.routeName = route;
    this.routedNanos = nowNanos;
  }

  /** A {@code tcp_proxy} carries this request: its access log is a TCP one. */
  void tcpProxied() {
    tcpProxied = true;
  }

  /** Whether a {@code tcp_proxy} carried this request. */
  boolean isTcpProxied() {
    return tcpProxied;
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
        upstream == null ? null : upstream.address(), upstream == null ? null : upstream.podName(), tcpProxied);
  }

  /**
   * The request's own pending event, for the engine only: a request has at most one at a time,
   * first its arrival at its client sidecar ({@link #arriveAt}), later its response reaching the
   * sending app ({@link #end}). Being its own event saves the two event objects per hop that a
   * lambda or method reference would allocate (measured: about 40 of the ~2,150 bytes allocated
   * per bench-chain request go to each hop's two).
   */
  @Override
  public void fire() {
    Sidecar sidecar = arrivingAt;
    if (sidecar != null) {
      arrivingAt = null;
      sidecar.route(this);
    } else {
      end();
    }
  }

  /** The request will reach {@code sidecar} when its event fires (scheduled by the caller). */
  void arriveAt(Sidecar sidecar) {
    arrivingAt = sidecar;
  }

  /** Delivers the response to the sender. */
  void end() {
    if (ended) {
      throw new IllegalStateException("request ended twice: " + request.spec().authority());
    }
    ended = true;
    if (!abandoned) {
      handler.onResponse(this);
    }
  }
}
