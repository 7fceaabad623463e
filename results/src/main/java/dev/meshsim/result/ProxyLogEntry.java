package dev.meshsim.result;

/**
 * One access-log entry of one Envoy: a client sidecar's outbound request or a server sidecar's
 * inbound one, with what Istio's default format prints (the operators of {@code
 * EnvoyTextLogFormat}). Addresses are {@code ip:port}; null prints as {@code -}.
 *
 * @param pod the pod whose Envoy wrote the entry
 * @param inbound whether it is the server side ({@code inbound|port||} cluster)
 * @param startNanos {@code %START_TIME%}: when this Envoy got the request
 * @param endNanos when this Envoy sent the last byte of the response ({@code %DURATION%} ends)
 * @param upstreamServiceNanos {@code x-envoy-upstream-service-time}: from sending upstream to the
 *     answer; -1 for a local reply
 * @param method {@code :method}
 * @param path {@code %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%}: the path before any rewrite
 * @param authority {@code :authority} as sent upstream (after any rewrite)
 * @param userAgent the {@code user-agent} header, or null
 * @param requestId the 64 bits the {@code x-request-id} UUID is made from
 * @param code {@code %RESPONSE_CODE%} (0 when the downstream went away first)
 * @param flags {@code %RESPONSE_FLAGS%}, {@code -} for none
 * @param upstreamHost {@code %UPSTREAM_HOST%}
 * @param upstreamCluster {@code %UPSTREAM_CLUSTER_RAW%}
 * @param upstreamLocalAddress {@code %UPSTREAM_LOCAL_ADDRESS%}
 * @param downstreamLocalAddress {@code %DOWNSTREAM_LOCAL_ADDRESS%}
 * @param downstreamRemoteAddress {@code %DOWNSTREAM_REMOTE_ADDRESS%}
 * @param requestedServerName {@code %REQUESTED_SERVER_NAME%} (the mTLS SNI, inbound)
 * @param routeName {@code %ROUTE_NAME%}
 * @param tcpProxied whether a {@code tcp_proxy} carried it: the line is Envoy's TCP form
 */
public record ProxyLogEntry(
    String pod,
    boolean inbound,
    long startNanos,
    long endNanos,
    long upstreamServiceNanos,
    String method,
    String path,
    String authority,
    String userAgent,
    long requestId,
    int code,
    String flags,
    String upstreamHost,
    String upstreamCluster,
    String upstreamLocalAddress,
    String downstreamLocalAddress,
    String downstreamRemoteAddress,
    String requestedServerName,
    String routeName,
    boolean tcpProxied) {}
