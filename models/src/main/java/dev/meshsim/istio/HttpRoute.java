package dev.meshsim.istio;

import java.util.List;

/**
 * One {@code HTTPRoute}: match conditions, weighted destinations and the route's policies.
 *
 * @param name the route's name (may be empty)
 * @param match OR of AND-blocks; empty matches everything
 * @param route weighted destinations
 * @param timeoutNanos {@code timeout}, or null: Istio then sets the route timeout to 0, disabled
 *     (reference notes §3.3)
 * @param retries {@code retries}, or null: Istio's default retry policy applies
 * @param fault {@code fault}, or null
 * @param directReply {@code redirect} or {@code directResponse} (then {@code route} is empty), or
 *     null
 * @param mirrors {@code mirror} or {@code mirrors[]}, in order; empty for none
 * @param delegate {@code delegate} (then {@code route} is empty and there is no redirect), or null;
 *     istiod replaces such a route by the delegate's merged routes before building any proxy's
 * @param rewrite {@code rewrite}, or null
 * @param headers the route's {@code headers} ({@link Headers#NONE} for none)
 */
public record HttpRoute(
    String name,
    List<HttpMatchRequest> match,
    List<HttpRouteDestination> route,
    Long timeoutNanos,
    HttpRetry retries,
    HttpFaultInjection fault,
    HttpDirectReply directReply,
    List<HttpMirror> mirrors,
    HttpDelegate delegate,
    HttpRewrite rewrite,
    Headers headers) {

  public HttpRoute {
    match = List.copyOf(match);
    route = List.copyOf(route);
    mirrors = List.copyOf(mirrors);
    headers = headers == null ? Headers.NONE : headers;
  }

  /** A route without rewrite or header operations. */
  public HttpRoute(String name, List<HttpMatchRequest> match, List<HttpRouteDestination> route, Long timeoutNanos,
      HttpRetry retries, HttpFaultInjection fault, HttpDirectReply directReply, List<HttpMirror> mirrors,
      HttpDelegate delegate) {
    this(name, match, route, timeoutNanos, retries, fault, directReply, mirrors, delegate, null, Headers.NONE);
  }

  /** A route that does not delegate. */
  public HttpRoute(String name, List<HttpMatchRequest> match, List<HttpRouteDestination> route, Long timeoutNanos,
      HttpRetry retries, HttpFaultInjection fault, HttpDirectReply directReply, List<HttpMirror> mirrors) {
    this(name, match, route, timeoutNanos, retries, fault, directReply, mirrors, null);
  }

  /** A route without mirrors. */
  public HttpRoute(String name, List<HttpMatchRequest> match, List<HttpRouteDestination> route, Long timeoutNanos,
      HttpRetry retries, HttpFaultInjection fault, HttpDirectReply directReply) {
    this(name, match, route, timeoutNanos, retries, fault, directReply, List.of());
  }

  /** A route that forwards (no redirect or direct response). */
  public HttpRoute(String name, List<HttpMatchRequest> match, List<HttpRouteDestination> route, Long timeoutNanos,
      HttpRetry retries, HttpFaultInjection fault) {
    this(name, match, route, timeoutNanos, retries, fault, null, List.of());
  }

  /** A route without timeout, retries or fault (kept for callers written before they existed). */
  public HttpRoute(String name, List<HttpMatchRequest> match, List<HttpRouteDestination> route) {
    this(name, match, route, null, null, null);
  }
}
