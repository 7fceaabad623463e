package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.streaminfo.ResponseFlag;
import dev.meshsim.mesh.routing.RetryPolicy;
import dev.meshsim.mesh.routing.RetryPolicy.RetryOn;
import dev.meshsim.mesh.upstream.LbPolicy;
import dev.meshsim.mesh.upstream.OutlierSettings.EjectionRule;
import dev.meshsim.scenario.IstioVersion;
import java.util.Set;

/**
 * The defaults that changed between Istio releases (and the Envoy each ships), so a scenario can
 * ask "what would 1.5 have done" (reference §9).
 *
 * @param version the simulated Istio release
 */
public record IstioProfile(IstioVersion version) {

  public static IstioProfile of(IstioVersion version) {
    return new IstioProfile(version);
  }

  private boolean atLeast(int wantedMinor) {
    return version.atLeast(1, wantedMinor);
  }

  /** LEAST_REQUEST since 1.14 (istio PR #37220), ROUND_ROBIN before. */
  public LbPolicy defaultLbPolicy() {
    return atLeast(14) ? LbPolicy.LEAST_REQUEST : LbPolicy.ROUND_ROBIN;
  }

  /**
   * A route to a cluster the proxy lacks: {@code NC} since Envoy 1.18 (PR #15431), which Istio 1.10
   * ships; {@code NR} before, as the seeds saw it on Istio 1.5.
   */
  public ResponseFlag missingClusterFlag() {
    return atLeast(10) ? ResponseFlag.NO_CLUSTER_FOUND : ResponseFlag.NO_ROUTE_FOUND;
  }

  /**
   * Where the sidecar sends inbound requests to the app: the pod IP since Istio 1.10 (the inbound
   * cluster's endpoint, istio.io blog "Upcoming networking changes in Istio 1.10"), 127.0.0.1
   * before. An app bound to the other address is not reached (seed 001, trouble 10).
   */
  public boolean inboundToPodIp() {
    return atLeast(10);
  }

  /**
   * The retries of the inbound route's default retry policy: from 1.24 istiod gives every sidecar's
   * HTTP (not gRPC) inbound route {@code retry_on: reset-before-request} with 2 retries
   * ({@code ENABLE_INBOUND_RETRY_POLICY}, default true; istio {@code pilot/pkg/networking/core/route},
   * {@code BuildDefaultHTTPInboundRoute}), so a refused connect to the app is tried again with
   * Envoy's default backoff; none before.
   */
  public int inboundConnectRetries() {
    return atLeast(24) ? 2 : 0;
  }

  /** Envoy's max-ejection-percent rule: Istio 1.20 ships Envoy 1.28, 1.19 ships 1.27. */
  public EjectionRule ejectionRule() {
    if (atLeast(20)) {
      return EjectionRule.AFTER_COUNT;
    }
    return atLeast(19) ? EjectionRule.AFTER_COUNT_FIRST_FREE : EjectionRule.BEFORE_COUNT;
  }

  /**
   * Istio's default retry policy when a VirtualService sets none (istio {@code retry.go}): 2
   * retries on connect-failure, refused-stream, unavailable, cancelled and retriable-status-codes,
   * the latter empty since 1.24 (commit 65aaaf4) and [503] from 1.1 to 1.23; previous_hosts except
   * under consistent hashing; 5 host re-picks; Envoy's backoff.
   */
  public RetryPolicy defaultRetryPolicy(boolean consistentHash) {
    Set<Integer> codes = atLeast(24) ? Set.of() : Set.of(503);
    return new RetryPolicy(2,
        Set.of(RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM, RetryOn.GRPC_OTHER, RetryOn.RETRIABLE_STATUS_CODES),
        codes, 0, RetryPolicy.ENVOY_BASE_BACKOFF_NANOS, 10 * RetryPolicy.ENVOY_BASE_BACKOFF_NANOS,
        !consistentHash, 5);
  }

}
