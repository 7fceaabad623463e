package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Envoy's connection pool and circuit breaker in front of a c-worker pod are a loss system: with
 * {@code maxConnections: c}, {@code http1MaxPendingRequests: K}, one sidecar worker (one pool),
 * keep-alive and no proxy costs, at most c requests are on connections and K wait, and an arrival
 * that finds c + K gets {@code 503 UO}. By PASTA the UO fraction is the M/M/c/(c+K) blocking
 * probability.
 *
 * <p>Tolerance: the 5% relative. Over seeds 1-8 the run's UO fraction (about 400,000
 * requests) spread with a standard deviation of 0.65% relative (0.1371 to 0.1406 against 0.1385),
 * so 5% is more than seven standard deviations: a failure is a model error, not bad luck.
 */
class CircuitBreakerBlockingTest {

  @Test
  void uoFractionIsTheMMcKBlockingProbability() {
    RunResult result = Scenarios.run(Scenarios.test("mmck-blocking"));
    TrafficStats total = result.total();
    int c = 4;
    int k = 4;
    double offered = 2000.0 / 500.0;
    double expected = blockingProbability(c, k, offered);
    long uo = total.flags().getOrDefault("UO", 0L);
    double measured = (double) uo / total.requests();
    System.out.printf("M/M/%d/%d blocking: measured %.5f (%d of %d), expected %.5f%n",
        c, c + k, measured, uo, total.requests(), expected);
    assertEquals(Set.of("-", "UO"), total.flags().keySet(), "only successes and overflows");
    assertEquals(uo, total.codes().get(503), "every UO is a 503 and every 503 a UO");
    long overflow = result.clusterStats().get("outbound|8080||server.default.svc.cluster.local")
        .counter("upstream_rq_pending_overflow");
    assertEquals(uo, overflow, "Envoy's upstream_rq_pending_overflow counts the same requests");
    double error = Math.abs(measured - expected) / expected;
    if (error > 0.05) {
      throw new AssertionError(String.format("UO fraction %.5f, M/M/%d/%d blocking %.5f: %.2f%% off (> 5%%)",
          measured, c, c + k, expected, error * 100));
    }
  }

  /** P(an arrival finds n = c + k in the system) for M/M/c/(c+k) with offered load a = lambda/mu. */
  static double blockingProbability(int c, int k, double a) {
    double term = 1; // a^n / n! for n <= c, then times (a/c)^(n-c)
    double sum = 0;
    double last = 0;
    for (int n = 0; n <= c + k; n++) {
      if (n > 0) {
        term *= n <= c ? a / n : a / c;
      }
      sum += term;
      last = term;
    }
    return last / sum;
  }
}
