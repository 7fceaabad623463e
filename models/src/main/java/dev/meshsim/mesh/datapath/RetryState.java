package dev.meshsim.mesh.datapath;

import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.mesh.routing.RetryPolicy;
import dev.meshsim.mesh.routing.RetryPolicy.RetryOn;
import dev.meshsim.mesh.upstream.CircuitBreaker;

/**
 * One request's retry state, as envoy's {@code source/common/router/retry_state_impl.cc}: which
 * outcomes warrant a retry under {@code retry_on}, the retry budget of the request, the cluster's
 * {@code max_retries} breaker, and the jittered exponential backoff of {@code backoff_strategy.cc}.
 */
public final class RetryState {
  /** What {@link #shouldRetry} decided. */
  enum Decision {
    NO_RETRY,
    RETRY,
    /** A retry was warranted but none are left: flag URX. */
    LIMIT_EXCEEDED,
    /** A retry was warranted but the retry breaker is full: flag UO. */
    OVERFLOW
  }

  /** Why an attempt ended without a response. */
  enum Reset { CONNECT_FAILURE, CONNECTION_TERMINATION, LOCAL_RESET }

  private final RetryPolicy policy;
  private final CircuitBreaker breaker;
  private final RandomStream random;
  private int remaining;
  /** Made on the first retry: most requests never retry. */
  private JitteredExponentialBackOff backOff;
  private boolean holdingRetry;

  RetryState(RetryPolicy policy, CircuitBreaker breaker, RandomStream random) {
    this.policy = policy;
    this.breaker = breaker;
    this.random = random;
    this.remaining = policy.numRetries();
  }

  RetryPolicy policy() {
    return policy;
  }

  /** Response-based conditions: 5xx, gateway-error, retriable-4xx, retriable-status-codes. */
  boolean wouldRetryFromResponse(int code) {
    if (code < 409 && policy.retriableStatusCodes().isEmpty()) {
      // No condition can hold (each needs a code of 409 or more, or a listed code): skips four
      // set lookups on every success, 2% of a bench-chain run's samples.
      return false;
    }
    var on = policy.retryOn();
    return (on.contains(RetryOn.FIVE_XX) && code >= 500)
        || (on.contains(RetryOn.GATEWAY_ERROR) && (code == 502 || code == 503 || code == 504))
        || (on.contains(RetryOn.RETRIABLE_4XX) && code == 409)
        || (on.contains(RetryOn.RETRIABLE_STATUS_CODES) && policy.retriableStatusCodes().contains(code));
  }

  /**
   * Reset-based conditions ({@code wouldRetryFromReset}): a connect failure or timeout with
   * connect-failure; one before the request was sent with reset-before-request; any reset with 5xx,
   * gateway-error or reset. Overflow never reaches here: it is never retried.
   */
  boolean wouldRetryFromReset(Reset reason, boolean requestSent) {
    var on = policy.retryOn();
    if (reason == Reset.CONNECT_FAILURE && on.contains(RetryOn.CONNECT_FAILURE)) {
      return true;
    }
    if (!requestSent && on.contains(RetryOn.RESET_BEFORE_REQUEST)) {
      return true;
    }
    return on.contains(RetryOn.FIVE_XX) || on.contains(RetryOn.GATEWAY_ERROR) || on.contains(RetryOn.RESET);
  }

  /**
   * Envoy's {@code shouldRetry}: the retry resource of a previous retry is released first; then a
   * warranted retry needs one left (else URX) and room in the retry breaker (else UO); a granted
   * retry holds the breaker until the next decision or the end of the request.
   */
  Decision shouldRetry(boolean warranted) {
    release();
    if (!warranted) {
      return Decision.NO_RETRY;
    }
    if (remaining == 0) {
      return Decision.LIMIT_EXCEEDED;
    }
    remaining--;
    if (!breaker.canCreateRetry()) {
      return Decision.OVERFLOW;
    }
    breaker.retryStarted();
    holdingRetry = true;
    return Decision.RETRY;
  }

  /** The next backoff ({@link JitteredExponentialBackOff}). */
  long nextBackoffNanos() {
    if (backOff == null) {
      backOff = new JitteredExponentialBackOff(policy.backoffBaseNanos(), policy.backoffMaxNanos(), random);
    }
    return backOff.nextBackOffNanos();
  }

  void release() {
    if (holdingRetry) {
      breaker.retryEnded();
      holdingRetry = false;
    }
  }
}
