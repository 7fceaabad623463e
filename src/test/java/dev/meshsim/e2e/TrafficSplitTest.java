package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import org.junit.jupiter.api.Test;

/** A weighted VirtualService split sends each request to a subset with the configured odds. */
class TrafficSplitTest {
  private static final String V1 = "outbound|9080|v1|reviews.default.svc.cluster.local";
  private static final String V2 = "outbound|9080|v2|reviews.default.svc.cluster.local";

  @Test
  void ninetyTenSplitIsWithinTheBinomialBound() {
    RunResult result = Scenarios.run(Scenarios.test("split-90-10"));
    TrafficStats users = result.loads().get("users");
    long n = users.requests();
    long toV2 = users.clusters().get(V2);
    assertEquals(n, users.clusters().get(V1) + toV2, "every request went to v1 or v2");
    double p = 0.10;
    double bound = 3.2905 * Math.sqrt(p * (1 - p) / n); // two-sided 99.9% normal bound
    double observed = (double) toV2 / n;
    assertTrue(Math.abs(observed - p) <= bound,
        "v2 fraction " + observed + " outside 0.10 ± " + bound + " (n=" + n + ")");
  }

  @Test
  void splitChangesWithTheSeedButStaysInBounds() {
    RunResult a = Scenarios.run(Scenarios.test("split-90-10"));
    RunResult b = Scenarios.run(Scenarios.test("split-90-10").withSeed(99));
    long n = b.loads().get("users").requests();
    double observed = (double) b.loads().get("users").clusters().get(V2) / n;
    assertTrue(Math.abs(observed - 0.10) <= 3.2905 * Math.sqrt(0.09 / n));
    assertTrue(!a.loads().get("users").clusters().equals(b.loads().get("users").clusters()),
        "another seed draws other routes");
  }
}
