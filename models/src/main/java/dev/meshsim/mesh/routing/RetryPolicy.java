package dev.meshsim.mesh.routing;

import java.util.Set;

/**
 * A route's Envoy retry policy, as istio's {@code retry.ConvertPolicy} builds it.
 *
 * @param numRetries retries after the first attempt
 * @param retryOn Envoy's {@code retry_on} conditions
 * @param retriableStatusCodes codes retried under {@code retriable-status-codes}
 * @param perTryTimeoutNanos 0 means none
 * @param backoffBaseNanos Envoy's base interval (25ms unless the VirtualService sets one)
 * @param backoffMaxNanos 10 × base
 * @param previousHosts whether {@code envoy.retry_host_predicates.previous_hosts} is set
 * @param hostSelectionMaxAttempts re-picks allowed to avoid previous hosts (Istio: 5)
 */
public record RetryPolicy(
    int numRetries,
    Set<RetryOn> retryOn,
    Set<Integer> retriableStatusCodes,
    long perTryTimeoutNanos,
    long backoffBaseNanos,
    long backoffMaxNanos,
    boolean previousHosts,
    int hostSelectionMaxAttempts) {

  public static final long ENVOY_BASE_BACKOFF_NANOS = 25_000_000L;
  public static final RetryPolicy NONE =
      new RetryPolicy(0, Set.of(), Set.of(), 0, ENVOY_BASE_BACKOFF_NANOS, 10 * ENVOY_BASE_BACKOFF_NANOS, false, 1);

  public RetryPolicy {
    // An EnumSet: retryOn is tested on every response and reset, and EnumSet.contains is a bit test.
    retryOn = java.util.Collections.unmodifiableSet(
        retryOn.isEmpty() ? java.util.EnumSet.noneOf(RetryOn.class) : java.util.EnumSet.copyOf(retryOn));
    retriableStatusCodes = Set.copyOf(retriableStatusCodes);
  }

  /** Envoy's {@code retry_on} conditions that HTTP responses and resets can meet. */
  public enum RetryOn {
    FIVE_XX("5xx"),
    GATEWAY_ERROR("gateway-error"),
    RESET("reset"),
    RESET_BEFORE_REQUEST("reset-before-request"),
    CONNECT_FAILURE("connect-failure"),
    RETRIABLE_4XX("retriable-4xx"),
    REFUSED_STREAM("refused-stream"),
    RETRIABLE_STATUS_CODES("retriable-status-codes"),
    /** gRPC conditions: they read grpc-status, which meshsim's HTTP apps never send. */
    GRPC_OTHER("grpc");

    private final String envoyName;

    RetryOn(String envoyName) {
      this.envoyName = envoyName;
    }

    public String envoyName() {
      return envoyName;
    }

    /** The condition for one {@code retryOn} token; gRPC tokens map to {@link #GRPC_OTHER}. */
    public static RetryOn of(String token) {
      for (RetryOn r : values()) {
        if (r.envoyName.equals(token)) {
          return r;
        }
      }
      return GRPC_OTHER;
    }
  }
}
