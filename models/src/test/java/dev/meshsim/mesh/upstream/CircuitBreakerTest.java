package dev.meshsim.mesh.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Envoy's resource manager: each counter against its own threshold, and the high-water marks. */
class CircuitBreakerTest {

  @Test
  void eachResourceIsLimitedByItsOwnThreshold() {
    CircuitBreaker b = new CircuitBreaker(new Thresholds(2, 1, 3, 1));
    b.connectionOpened();
    assertTrue(b.canCreateConnection());
    b.connectionOpened();
    assertFalse(b.canCreateConnection());
    assertTrue(b.canCreatePending(), "connections do not count against pending");
    b.pendingAdded();
    assertFalse(b.canCreatePending());
    b.requestStarted();
    b.requestStarted();
    assertTrue(b.canCreateRequest());
    b.requestStarted();
    assertFalse(b.canCreateRequest());
    b.retryStarted();
    assertFalse(b.canCreateRetry());
    b.retryEnded();
    assertTrue(b.canCreateRetry());
    b.connectionClosed();
    assertTrue(b.canCreateConnection());
  }

  @Test
  void peaksKeepTheMostEverCountedAtOnce() {
    CircuitBreaker b = new CircuitBreaker(Thresholds.ISTIO_DEFAULT);
    b.requestStarted();
    b.requestStarted();
    b.requestEnded();
    b.requestStarted();
    b.requestEnded();
    b.requestEnded();
    assertEquals(0, b.requests());
    assertEquals(2, b.peakRequests());
    b.pendingAdded();
    b.pendingRemoved();
    assertEquals(1, b.peakPendingRequests());
    assertEquals(0, b.peakConnections());
  }
}
