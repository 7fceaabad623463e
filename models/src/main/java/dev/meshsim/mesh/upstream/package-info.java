/**
 * Envoy's upstream layer for one client sidecar (envoy {@code source/common/upstream}, {@code
 * source/common/conn_pool}): {@link dev.meshsim.mesh.upstream.Cluster}, a priority set of stable
 * {@link dev.meshsim.mesh.upstream.Host}s updated in place by endpoint updates; per-host, per-worker
 * {@link dev.meshsim.mesh.upstream.ConnPool}s; the {@link dev.meshsim.mesh.upstream.CircuitBreaker};
 * the outlier detector and each host's monitor; the load balancers, which the router drives
 * through a {@link dev.meshsim.mesh.upstream.LoadBalancerContext}, and the ORIGINAL_DST cluster's
 * own ({@link dev.meshsim.mesh.upstream.OriginalDstLoadBalancer}: a host per original destination).
 *
 * <p>May use the engine, {@code mesh.routing} (request attributes for hashing) and the result
 * records (cluster stats). It knows no pod: a host is an address, reached over a {@link
 * dev.meshsim.mesh.upstream.HostLink} the sidecar supplies, whose cluster's {@link
 * dev.meshsim.mesh.upstream.TlsContext} says what the link speaks. Every part can be built alone.
 */
package dev.meshsim.mesh.upstream;
