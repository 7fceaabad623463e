/**
 * The request path between pods: {@link dev.meshsim.mesh.datapath.Pod} (iptables redirection
 * between app and sidecar, kube-proxy without one), {@link dev.meshsim.mesh.datapath.Sidecar} (the
 * HTTP connection manager, fault filter and router's cluster choice), {@code RouterRequest} and
 * {@code UpstreamRequest} (Envoy's router filter and its attempts, talking through {@code
 * RouterFilterInterface}), {@code RetryState}, {@code TcpProxy} and {@code TcpSession} (Envoy's
 * {@code tcp_proxy} for TCP and TLS ports: a cluster and host per downstream connection, held on
 * a {@link dev.meshsim.mesh.datapath.DownstreamConnection}), and {@link dev.meshsim.mesh.datapath.NetworkLeg},
 * the one place hop costs are drawn, and {@code SecuredLink} with its {@code TransportSocket}: what
 * a connection speaks and whether the server takes it (mTLS, PeerAuthentication). {@code
 * RequestRewriter} applies a route's rewrite and header operations before a request goes upstream.
 * {@code MeshStats}, {@code TimelineStats} and {@code DataPathMetrics} hold what a run measures;
 * {@code AccessLogRecorder} makes every sidecar's access-log entries and {@code HostCounters}
 * Envoy's per-host counters, each only when a run asks for them.
 *
 * <p>May use {@code mesh.upstream} (clusters, hosts, pools), {@code mesh.routing}, {@code
 * mesh.streaminfo}, {@code mesh.xds} (a sidecar's xDS client and config), {@code mesh.kube}, a pod's
 * composed PeerAuthentication ({@code istio.PeerAuthenticationPolicy}), the scenario, app ({@code
 * dev.meshsim.app}), timeline and result records, and the engine. Not the apps, the controllers or
 * the run.
 */
package dev.meshsim.mesh.datapath;
