package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Istio's circuit-breaking task (scenarios/circuit-breaking.yaml): fortio {@code -c 2 -n 20} and
 * {@code -c 3 -n 30} at 0 qps against {@code maxConnections: 1, http1MaxPendingRequests: 1,
 * maxRequestsPerConnection: 1}. The page publishes one run of each: 3 of 20 (15%) and 19 of 30
 * (63.3%) answered 503.
 *
 * <p>What "near" means. A run of 20 or 30 calls is a small sample: over seeds 1-20 the model gave
 * 1 to 4 503s of 20 (standard deviation about one call, 5 points) and 16 to 22 of 30 (about 1.6
 * calls, 5.4 points), and the published figures are one such draw from a real Envoy. So the test
 * asks two things: that the mean over 20 seeds (standard error about 1.2 points) is within 5
 * points, one single-run standard deviation, of the published figure; and that the published count
 * lies within the range the 20 seeds produced, i.e. the page's run is one the model could give.
 * Over seeds 1-20 the means were 14.25% and 62.3%.
 */
class IstioCircuitBreakingTaskTest {
  private static final int SEEDS = 20;

  @Test
  void the503sAreOverflowsAtThePublishedRates() {
    Scenario scenario = Scenarios.load("scenarios/circuit-breaking.yaml");
    double[] sum = new double[2];
    long[] min = {Long.MAX_VALUE, Long.MAX_VALUE};
    long[] max = {0, 0};
    String[] loads = {"fortio-c2", "fortio-c3"};
    int[] calls = {20, 30};
    for (int seed = 1; seed <= SEEDS; seed++) {
      RunResult result = Scenarios.run(scenario.withSeed(seed));
      for (int i = 0; i < 2; i++) {
        TrafficStats load = result.loads().get(loads[i]);
        assertEquals(calls[i], load.requests(), loads[i] + " makes all its calls");
        long failed = load.codes().getOrDefault(503, 0L);
        assertEquals(failed, load.flags().getOrDefault("UO", 0L), loads[i] + " seed " + seed + ": every 503 is UO");
        assertEquals(calls[i] - failed, load.codes().getOrDefault(200, 0L), loads[i] + ": the rest succeed");
        assertEquals(calls[i] - failed, load.flags().getOrDefault("-", 0L));
        sum[i] += (double) failed / calls[i];
        min[i] = Math.min(min[i], failed);
        max[i] = Math.max(max[i], failed);
      }
    }
    double[] published = {3.0 / 20, 19.0 / 30};
    for (int i = 0; i < 2; i++) {
      double mean = sum[i] / SEEDS;
      System.out.printf("circuit-breaking task %s: mean 503 fraction over %d seeds %.4f (range %d-%d of %d),"
          + " published %.4f%n", loads[i], SEEDS, mean, min[i], max[i], calls[i], published[i]);
      assertTrue(Math.abs(mean - published[i]) <= 0.05,
          String.format("%s: mean 503 fraction %.4f, published %.4f", loads[i], mean, published[i]));
      long publishedCount = Math.round(published[i] * calls[i]);
      assertTrue(min[i] <= publishedCount && publishedCount <= max[i],
          loads[i] + ": published " + publishedCount + " outside the seeds' " + min[i] + "-" + max[i]);
    }
  }
}
