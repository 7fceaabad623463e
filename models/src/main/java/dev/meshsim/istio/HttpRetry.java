package dev.meshsim.istio;

/**
 * An http route's {@code retries}: Istio's {@code HTTPRetry}. A route whose {@code retries} is
 * unset has a null {@code HttpRetry} and gets Istio's default policy (2 retries on
 * {@code connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes}; reference
 * notes §3.1). {@code attempts: 0} is different: no retry policy at all ({@code ConvertPolicy}).
 *
 * @param attempts number of <em>retries</em> (at most attempts + 1 tries); 0 disables retries
 * @param perTryTimeoutNanos Envoy {@code per_try_timeout}, or null (none)
 * @param retryOn Envoy {@code retry_on} as written (comma-separated, checked), or null; integer
 *     tokens are status codes that Istio turns into {@code retriable-status-codes}
 * @param retryRemoteLocalities or null (false)
 * @param retryIgnorePreviousHosts or null (true: Envoy's {@code previous_hosts} predicate)
 * @param backoffNanos Envoy {@code retry_back_off.base_interval}, or null (25ms)
 */
public record HttpRetry(
    int attempts,
    Long perTryTimeoutNanos,
    String retryOn,
    Boolean retryRemoteLocalities,
    Boolean retryIgnorePreviousHosts,
    Long backoffNanos) {

  /** Whether this explicitly turns retries off ({@code attempts: 0}). */
  public boolean disabled() {
    return attempts == 0;
  }
}
