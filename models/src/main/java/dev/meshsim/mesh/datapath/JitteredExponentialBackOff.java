package dev.meshsim.mesh.datapath;

import dev.meshsim.engine.random.RandomStream;

/**
 * Envoy's {@code JitteredExponentialBackOffStrategy} ({@code source/common/common/backoff_strategy.cc}),
 * the router's retry backoff: each call returns {@code random % interval} ms, the interval starting
 * at the base and doubling up to the max. One per request that retries.
 */
final class JitteredExponentialBackOff {
  private final long maxMs;
  private final RandomStream random;
  private long nextIntervalMs;

  JitteredExponentialBackOff(long baseNanos, long maxNanos, RandomStream random) {
    this.maxMs = Math.max(1, maxNanos / 1_000_000);
    this.nextIntervalMs = Math.max(1, baseNanos / 1_000_000);
    this.random = random;
  }

  /** The next backoff, in nanoseconds (whole milliseconds, as Envoy's timer takes them). */
  long nextBackOffNanos() {
    long interval = nextIntervalMs;
    nextIntervalMs = nextIntervalMs < maxMs / 2 ? nextIntervalMs * 2 : maxMs;
    long ms = Math.min(Long.remainderUnsigned(random.nextLong(), interval), maxMs);
    return ms * 1_000_000;
  }
}
