package dev.meshsim.mesh.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.mesh.routing.RetryPolicy;
import dev.meshsim.mesh.routing.RetryPolicy.RetryOn;
import dev.meshsim.mesh.upstream.CircuitBreaker;
import dev.meshsim.mesh.upstream.Thresholds;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One request's retry state built alone ({@code retry_state_impl.cc}, {@code backoff_strategy.cc}). */
class RetryStateTest {
  private static final long MS = 1_000_000;

  private static RetryPolicy policy(int retries, Set<RetryOn> on) {
    return new RetryPolicy(retries, on, Set.of(503), 0, 25 * MS, 250 * MS, true, 5);
  }

  private static CircuitBreaker breaker(long maxRetries) {
    return new CircuitBreaker(new Thresholds(Thresholds.ISTIO_UNSET, Thresholds.ISTIO_UNSET, Thresholds.ISTIO_UNSET,
        maxRetries));
  }

  @Test
  void responseConditionsFollowRetryOn() {
    RetryState gateway = new RetryState(policy(2, Set.of(RetryOn.GATEWAY_ERROR)), breaker(10), new RandomStream(1));
    assertTrue(gateway.wouldRetryFromResponse(503));
    assertFalse(gateway.wouldRetryFromResponse(500), "500 is not a gateway error");
    RetryState codes = new RetryState(policy(2, Set.of(RetryOn.RETRIABLE_STATUS_CODES)), breaker(10), new RandomStream(1));
    assertTrue(codes.wouldRetryFromResponse(503));
    assertFalse(codes.wouldRetryFromResponse(504));
  }

  @Test
  void resetConditions() {
    RetryState connect = new RetryState(policy(2, Set.of(RetryOn.CONNECT_FAILURE)), breaker(10), new RandomStream(1));
    assertTrue(connect.wouldRetryFromReset(RetryState.Reset.CONNECT_FAILURE, false));
    assertFalse(connect.wouldRetryFromReset(RetryState.Reset.CONNECTION_TERMINATION, true));
    RetryState beforeRequest = new RetryState(policy(2, Set.of(RetryOn.RESET_BEFORE_REQUEST)), breaker(10),
        new RandomStream(1));
    assertTrue(beforeRequest.wouldRetryFromReset(RetryState.Reset.CONNECTION_TERMINATION, false));
    assertFalse(beforeRequest.wouldRetryFromReset(RetryState.Reset.CONNECTION_TERMINATION, true));
  }

  /** Unwarranted first, then the retry budget (URX), then the breaker (UO), which spends the budget. */
  @Test
  void theOrderOfChecksIsWarrantedThenBudgetThenBreaker() {
    CircuitBreaker full = breaker(0);
    RetryState s = new RetryState(policy(1, Set.of(RetryOn.FIVE_XX)), full, new RandomStream(1));
    assertEquals(RetryState.Decision.NO_RETRY, s.shouldRetry(false));
    assertEquals(RetryState.Decision.OVERFLOW, s.shouldRetry(true), "budget left, breaker full");
    assertEquals(RetryState.Decision.LIMIT_EXCEEDED, s.shouldRetry(true), "the overflow spent the one retry");
  }

  @Test
  void aGrantedRetryHoldsTheBreakerUntilTheNextDecision() {
    CircuitBreaker b = breaker(1);
    RetryState s = new RetryState(policy(2, Set.of(RetryOn.FIVE_XX)), b, new RandomStream(1));
    assertEquals(RetryState.Decision.RETRY, s.shouldRetry(true));
    assertEquals(1, b.retries());
    assertEquals(RetryState.Decision.RETRY, s.shouldRetry(true), "the previous retry was released first");
    assertEquals(1, b.retries());
    s.release();
    assertEquals(0, b.retries());
  }

  /** Fully jittered: the n-th backoff is below min(base x 2^(n-1), max), in whole milliseconds. */
  @Test
  void backoffIsJitteredBelowADoublingIntervalCappedAtTheMax() {
    long[] bounds = {25, 50, 100, 200, 250, 250};
    long[] most = new long[bounds.length];
    for (long seed = 0; seed < 400; seed++) {
      RetryState s = new RetryState(policy(6, Set.of(RetryOn.FIVE_XX)), breaker(10), new RandomStream(seed));
      for (int n = 0; n < bounds.length; n++) {
        long b = s.nextBackoffNanos();
        assertEquals(0, b % MS, "whole milliseconds");
        assertTrue(b < bounds[n] * MS, "backoff " + n + ": " + b);
        most[n] = Math.max(most[n], b / MS);
      }
    }
    for (int n = 0; n < bounds.length; n++) {
      assertTrue(most[n] >= bounds[n] * 9 / 10, "backoff " + n + " reaches near its bound: " + most[n]);
    }
  }
}
