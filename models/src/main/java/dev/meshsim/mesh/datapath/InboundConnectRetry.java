package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.routing.RetryPolicy;
import dev.meshsim.scenario.IstioProtocol;

/**
 * The serving sidecar's inbound route trying its app again after a refused connect. From Istio
 * 1.24 istiod gives every HTTP inbound route {@code retry_on: reset-before-request} with 2 retries
 * (see {@link dev.meshsim.mesh.xds.IstioProfile#inboundConnectRetries}); a refused connect sent
 * nothing, so Envoy's retry state retries it after the router's backoff ({@code
 * retry_state_impl.cc}, {@code RETRY_ON_RESET_BEFORE_REQUEST}). One per request that was refused.
 */
final class InboundConnectRetry {
  private int retries;
  private JitteredExponentialBackOff backOff;

  /**
   * Whether the serving sidecar tries again: then {@code inbound} reaches the app again after the
   * backoff (Envoy's default: 25 ms base, 250 ms max; the app may take it by then); else the sidecar
   * answers it with {@link #flags()}.
   */
  boolean retry(NetworkLeg leg, Inbound inbound) {
    Sidecar sidecar = leg.server().sidecar();
    if (sidecar == null || retries >= allowed(sidecar, inbound)) {
      return false;
    }
    if (backOff == null) {
      backOff = new JitteredExponentialBackOff(RetryPolicy.ENVOY_BASE_BACKOFF_NANOS,
          10 * RetryPolicy.ENVOY_BASE_BACKOFF_NANOS, sidecar.inboundRetryRandom());
    }
    retries++;
    leg.server().sim().schedule(backOff.nextBackOffNanos(), () -> leg.server().arrive(inbound));
    return true;
  }

  /**
   * The profile's retries for an HTTP port, none for a gRPC one (istiod gives gRPC inbound routes
   * no retry policy).
   */
  private static int allowed(Sidecar sidecar, Inbound inbound) {
    if (sidecar.inboundConnectRetries() == 0) {
      return 0;
    }
    int port = inbound.request().spec().port();
    var service = sidecar.pod().registry().service(serviceOf(inbound));
    if (service != null) {
      for (var p : service.ports()) {
        if (p.port() == port && (p.protocol() == IstioProtocol.GRPC || p.protocol() == IstioProtocol.GRPC_WEB)) {
          return 0;
        }
      }
    }
    return sidecar.inboundConnectRetries();
  }

  /**
   * The Service an inbound request was sent to: the FQDN in its client sidecar's cluster name
   * ({@code outbound|port|subset|fqdn}), else its host as the calling pod's namespace resolves it.
   */
  private static String serviceOf(Inbound inbound) {
    Exchange caller = inbound.caller();
    String cluster = caller.clusterName();
    if (cluster != null && cluster.startsWith("outbound|")) {
      return cluster.substring(cluster.indexOf('|', cluster.indexOf('|', 9) + 1) + 1);
    }
    return ServiceRegistry.resolveIstioHost(inbound.request().spec().host(), caller.client().namespace());
  }

  /** Whether a retry was made (the request reached the app before). */
  boolean retried() {
    return retries > 0;
  }

  /** The serving sidecar's flags for the refusal: {@code UF}, with {@code URX} once retries were spent. */
  String flags() {
    return retries > 0 ? "UF,URX" : "UF";
  }
}
