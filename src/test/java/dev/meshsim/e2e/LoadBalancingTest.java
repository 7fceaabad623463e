package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DestinationRule {@code loadBalancer.simple}, by what it does to traffic. */
class LoadBalancingTest {

  /**
   * One pod of four is 5x slower. Round robin gives it a quarter of the load (utilisation 0.75, a
   * long queue there); LEAST_REQUEST's two choices avoid it as its active requests pile up. Over
   * seeds 1-5 the p99 was 99.9-106.8 ms under ROUND_ROBIN and 59.6-63.7 ms under LEAST_REQUEST,
   * each within ±5% across seeds; requiring LEAST_REQUEST's p99 below 0.8x round robin's leaves
   * room for that spread and still fails if least-request degenerated to round robin or random.
   */
  @Test
  void leastRequestBeatsRoundRobinAroundASlowPod() {
    RunResult rr = Scenarios.run(Scenarios.test("lb-slow-pod"));
    RunResult lr = Scenarios.run(ScenarioVariants.test("lb-slow-pod", "simple: ROUND_ROBIN", "simple: LEAST_REQUEST"));
    double rrP99 = rr.total().latency().getValueAtPercentile(99) / 1e6;
    double lrP99 = lr.total().latency().getValueAtPercentile(99) / 1e6;
    System.out.printf("slow pod: p99 ROUND_ROBIN %.2f ms, LEAST_REQUEST %.2f ms%n", rrP99, lrP99);
    assertEquals(Set.of(200), rr.total().codes().keySet());
    assertEquals(Set.of(200), lr.total().codes().keySet());
    assertEquals(rr.total().requests(), lr.total().requests(), "same arrivals: the load's stream is its own");
    assertTrue(lrP99 < 0.8 * rrP99, String.format("p99 LEAST_REQUEST %.2f ms vs ROUND_ROBIN %.2f ms", lrP99, rrP99));
  }

  /**
   * RANDOM picks uniformly: over four pods (each tags its answers with its own code), the counts
   * pass Pearson's chi-square test at the 0.1% level (3 degrees of freedom: statistic < 16.266).
   */
  @Test
  void randomIsUniformOverPods() {
    RunResult result = Scenarios.run(Scenarios.test("lb-random"));
    Map<Integer, Long> perPod = result.total().codes();
    assertEquals(Set.of(460, 461, 462, 463), perPod.keySet(), "every pod got requests, and nothing else answered");
    double expected = result.total().requests() / 4.0;
    double chiSquare = 0;
    for (long observed : perPod.values()) {
      chiSquare += (observed - expected) * (observed - expected) / expected;
    }
    System.out.printf("RANDOM: per pod %s, chi-square %.3f (3 dof, 0.1%% critical 16.266)%n", perPod, chiSquare);
    assertTrue(chiSquare < 16.266, "chi-square " + chiSquare + " for " + perPod);
  }
}
