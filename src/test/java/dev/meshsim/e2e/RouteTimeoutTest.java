package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A route timeout T against exponential service of mean m, with no queueing and no proxy costs:
 * each request ends {@code 504 UT} exactly when its service time exceeds T, independently of the
 * others, so the 504 count is Binomial(n, exp(-T/m)).
 */
class RouteTimeoutTest {
  /** Two-sided 99.9% normal quantile. */
  static final double Z_999 = 3.2905;

  @Test
  void timeoutFractionIsTheExponentialTail() {
    RunResult result = Scenarios.run(Scenarios.test("route-timeout"));
    TrafficStats total = result.total();
    double p = Math.exp(-20.0 / 10.0);
    long n = total.requests();
    long ut = total.codes().getOrDefault(504, 0L);
    double bound = Z_999 * Math.sqrt(p * (1 - p) / n);
    double measured = (double) ut / n;
    System.out.printf("route timeout: 504 UT fraction %.5f (%d of %d), expected %.5f +- %.5f%n",
        measured, ut, n, p, bound);
    assertEquals(Set.of(200, 504), total.codes().keySet());
    assertEquals(ut, total.flags().get("UT"), "every 504 is UT, with no URX: retries are off");
    assertEquals(n - ut, total.flags().get("-"));
    if (Math.abs(measured - p) > bound) {
      throw new AssertionError(String.format("504 UT fraction %.5f, expected %.5f +- %.5f (binomial 99.9%%)",
          measured, p, bound));
    }
    assertEquals(ut, result.clusterStats().get("outbound|8080||server.default.svc.cluster.local")
        .counter("upstream_rq_timeout"), "Envoy's upstream_rq_timeout");
  }
}
