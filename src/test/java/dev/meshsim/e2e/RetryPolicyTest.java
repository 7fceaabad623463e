package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retries against an app whose every try fails independently with probability p: with {@code
 * retries: {attempts: n, retryOn: 5xx}} a request fails only if all n + 1 tries fail, and the tries
 * per request are a geometric variable truncated at n + 1. Envoy flags URX exactly when a retry was
 * warranted and none was left, i.e. when all tries failed.
 */
class RetryPolicyTest {
  private static final String CLUSTER = "outbound|8080||server.default.svc.cluster.local";

  @Test
  void failuresAndTriesFollowTheTruncatedGeometric() {
    double p = 0.3;
    int n = 2;
    RunResult result = Scenarios.run(Scenarios.test("retries-5xx"));
    TrafficStats total = result.total();
    long requests = total.requests();
    long failed = total.codes().getOrDefault(500, 0L);

    double pFail = Math.pow(p, n + 1);
    double failBound = RouteTimeoutTest.Z_999 * Math.sqrt(pFail * (1 - pFail) / requests);
    double failMeasured = (double) failed / requests;

    // Tries T per request: P(T >= k) = p^(k-1) for k = 1..n+1.
    double mean = 0;
    double second = 0;
    for (int k = 1; k <= n + 1; k++) {
      mean += Math.pow(p, k - 1);
      second += (2 * k - 1) * Math.pow(p, k - 1);
    }
    double triesBound = RouteTimeoutTest.Z_999 * Math.sqrt((second - mean * mean) / requests);
    ClusterStats stats = result.clusterStats().get(CLUSTER);
    long tries = stats.counter("upstream_rq_total");
    double triesMeasured = (double) tries / requests;
    System.out.printf("retries: final 5xx %.5f (%d of %d), expected %.5f +- %.5f; tries/request %.5f,"
        + " expected %.5f +- %.5f%n", failMeasured, failed, requests, pFail, failBound, triesMeasured,
        (1 - pFail) / (1 - p), triesBound);

    assertEquals((1 - pFail) / (1 - p), mean, 1e-12, "the closed form is the truncated geometric's mean");
    assertEquals(0, result.unfinished());
    assertEquals(Map.of(200, requests - failed, 500, failed), total.codes());
    assertEquals(Map.of("-", requests - failed, "URX", failed), total.flags(), "URX exactly on the 500s");
    assertEquals(tries - requests, stats.counter("upstream_rq_retry"), "every try after the first is a retry");
    assertEquals(failed, stats.counter("upstream_rq_retry_limit_exceeded"));
    within(pFail, failMeasured, failBound, "final 5xx fraction");
    within(mean, triesMeasured, triesBound, "tries per request");
  }

  @Test
  void anAppThatAlwaysFailsGetsEveryTryAndURX() {
    RunResult result = Scenarios.run(ScenarioVariants.test("retries-5xx",
        "errorRate: 0.3", "errorRate: 1", "duration: 200s", "duration: 10s"));
    long requests = result.total().requests();
    assertEquals(Map.of(500, requests), result.total().codes());
    assertEquals(Map.of("URX", requests), result.total().flags());
    assertEquals(3 * requests, result.clusterStats().get(CLUSTER).counter("upstream_rq_total"));
  }

  @Test
  void withoutRetriesA500HasNoFlag() {
    RunResult result = Scenarios.run(ScenarioVariants.test("retries-5xx",
        "errorRate: 0.3", "errorRate: 1", "{attempts: 2, retryOn: 5xx}", "{attempts: 0}",
        "duration: 200s", "duration: 10s"));
    long requests = result.total().requests();
    assertEquals(Map.of(500, requests), result.total().codes());
    assertEquals(Map.of("-", requests), result.total().flags(), "URX needs a retry that was warranted");
    assertEquals(requests, result.clusterStats().get(CLUSTER).counter("upstream_rq_total"));
  }

  private static void within(double expected, double measured, double bound, String what) {
    if (Math.abs(measured - expected) > bound) {
      throw new AssertionError(String.format("%s: %.5f, expected %.5f +- %.5f (99.9%%)", what, measured,
          expected, bound));
    }
  }
}
