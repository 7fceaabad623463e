package dev.meshsim.result;

import java.util.Map;

/**
 * One counted load-generator request that has ended, as its client sidecar saw it: what an Envoy
 * access-log line and Istio's standard metrics are made of. Reports build every time series, log
 * and metric from a stream of these, so the model hands over one small record per request and
 * keeps nothing.
 *
 * @param load the load generator's name (also its pod's name: Istio's {@code source_workload})
 * @param sourceNamespace the load generator pod's namespace
 * @param sourceIp the load generator pod's address
 * @param method the HTTP method
 * @param path the path, with any query string
 * @param authority {@code :authority} as sent, e.g. {@code reviews:9080}
 * @param destinationService the resolved service FQDN ({@code reviews.default.svc.cluster.local})
 * @param destinationPort the service port
 * @param headers the request headers as written in the scenario, names lower-case
 * @param startNanos when the app sent it
 * @param endNanos when the response reached the app
 * @param proxyStartNanos when the client sidecar's router got it ({@code %START_TIME%}); -1 without
 *     a sidecar
 * @param proxyEndNanos when the client sidecar sent the final response to the app; -1 without one
 * @param routedNanos when the router picked the cluster (after any fault delay); -1 if never
 * @param code the final response code
 * @param flags Envoy's {@code %RESPONSE_FLAGS%} ({@code -} for none)
 * @param routeName the matched route's name ({@code %ROUTE_NAME%}), null without a route
 * @param upstreamCluster the Envoy cluster routed to, null without one
 * @param upstreamHost {@code ip:port} of the last host tried, null if none was
 * @param upstreamPod the name of that host's pod, null if none was tried
 * @param tcpProxied whether the client sidecar proxied it as TCP bytes ({@code tcp_proxy}): its
 *     access log then has no HTTP fields, and {@code code} is the app's answer or 0
 */
public record FinishedRequest(
    String load,
    String sourceNamespace,
    String sourceIp,
    String method,
    String path,
    String authority,
    String destinationService,
    int destinationPort,
    Map<String, String> headers,
    long startNanos,
    long endNanos,
    long proxyStartNanos,
    long proxyEndNanos,
    long routedNanos,
    int code,
    String flags,
    String routeName,
    String upstreamCluster,
    String upstreamHost,
    String upstreamPod,
    boolean tcpProxied) {

  /** A request the client sidecar routed as HTTP (or that had no sidecar). */
  public FinishedRequest(String load, String sourceNamespace, String sourceIp, String method, String path,
      String authority, String destinationService, int destinationPort, Map<String, String> headers,
      long startNanos, long endNanos, long proxyStartNanos, long proxyEndNanos, long routedNanos, int code,
      String flags, String routeName, String upstreamCluster, String upstreamHost, String upstreamPod) {
    this(load, sourceNamespace, sourceIp, method, path, authority, destinationService, destinationPort, headers,
        startNanos, endNanos, proxyStartNanos, proxyEndNanos, routedNanos, code, flags, routeName, upstreamCluster,
        upstreamHost, upstreamPod, false);
  }

  /** The app's view of its latency: from send to response. */
  public long durationNanos() {
    return endNanos - startNanos;
  }
}
