package dev.meshsim.mesh;

import dev.meshsim.mesh.upstream.Thresholds;

/**
 * A test probe: the most one client sidecar's circuit breaker for one Envoy cluster ever counted at
 * once, next to its limits. With Envoy's rule that a pool with no connection may always open one,
 * {@code connections} can exceed {@code limits.maxConnections()} by at most {@code workers × hosts
 * - 1} (one pool per worker and host).
 *
 * @param sidecar the client pod's name
 * @param cluster {@code outbound|port|subset|fqdn}
 * @param workers the sidecar's worker threads (each has its own pool per host)
 * @param hosts the cluster's endpoints
 * @param limits the cluster's circuit-breaker thresholds
 * @param connections most connections, in any state, at once
 * @param pendingRequests most requests waiting for a connection at once
 * @param requests most requests attached to connections at once
 * @param retries most retries outstanding at once
 */
public record UpstreamPeaks(String sidecar, String cluster, int workers, int hosts, Thresholds limits,
    long connections, long pendingRequests, long requests, long retries) {}
