package dev.meshsim.mesh.datapath;

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
   * backoff (the app may take it by then); else the sidecar answers it with {@link #flags()}.
   */
  boolean retry(NetworkLeg leg, Inbound inbound) {
    Sidecar sidecar = leg.server().sidecar();
    if (sidecar == null || retries >= sidecar.inboundConnectRetries(inbound)) {
      return false;
    }
    if (backOff == null) {
      backOff = sidecar.inboundRetryBackOff();
    }
    retries++;
    leg.server().sim().schedule(backOff.nextBackOffNanos(), () -> leg.server().arrive(inbound));
    return true;
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
