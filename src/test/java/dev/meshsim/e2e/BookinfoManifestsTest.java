package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.report.JsonReport;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * scenarios/bookinfo/: Bookinfo from Istio's own manifests and a workloads overlay is the same mesh
 * as the one written by hand, and the Istio docs' traffic-management tasks show what the docs show.
 */
class BookinfoManifestsTest {

  private static final String REVIEWS = "reviews.default.svc.cluster.local";

  private static String cluster(String subset, String fqdn) {
    return "outbound|9080|" + subset + "|" + fqdn;
  }

  @Test
  void manifestsAndOverlayGiveTheBytesOfTheHandWrittenScenario() {
    Scenario fromManifests = Scenarios.load("scenarios/bookinfo/scenario-bookinfo.yaml");
    Scenario handWritten = Scenarios.test("bookinfo-services");
    assertEquals(handWritten.services(), fromManifests.services());
    String a = JsonReport.toJson(Scenarios.run(fromManifests));
    assertEquals(JsonReport.toJson(Scenarios.run(handWritten)), a);
    assertTrue(a.contains(cluster("", REVIEWS)), "the run routed to reviews");
  }

  @Test
  void circuitBreakingFromManifestsIsTheExistingTaskScenario() {
    // scenarios/circuit-breaking.yaml is what IstioCircuitBreakingTaskTest checks against the task's
    // published UO fractions; the same bytes here mean the same fractions, seed for seed.
    for (long seed : new long[] {1, 2, 3}) {
      String fromManifests = JsonReport.toJson(
          Scenarios.run(Scenarios.load("scenarios/bookinfo/scenario-circuit-breaking.yaml").withSeed(seed)));
      String existing = JsonReport.toJson(Scenarios.run(Scenarios.load("scenarios/circuit-breaking.yaml").withSeed(seed)));
      assertEquals(existing, fromManifests, "seed " + seed);
    }
  }

  @Test
  void requestRoutingSendsJasonAndOnlyJasonToReviewsV2() {
    RunResult r = Scenarios.run(Scenarios.load("scenarios/bookinfo/scenario-request-routing.yaml"));
    TrafficStats jason = r.loads().get("jason");
    TrafficStats users = r.loads().get("users");
    assertTrue(jason.requests() > 100 && users.requests() > 500, jason.requests() + " / " + users.requests());
    assertEquals(Map.of(cluster("v2", REVIEWS), jason.requests()), jason.clusters());
    Map<String, Long> all = r.total().clusters();
    assertEquals(users.requests(), all.get(cluster("v1", REVIEWS)), "every page goes to reviews v1");
    assertEquals(jason.requests(), all.get(cluster("v2", REVIEWS)), "only jason reaches v2");
    assertEquals(null, all.get(cluster("v3", REVIEWS)));
    assertEquals(jason.requests(), all.get(cluster("v1", "ratings.default.svc.cluster.local")),
        "only v2 (jason's) calls ratings: v1 shows no stars");
  }

  @Test
  void trafficShiftingSplitsReviewsFiftyFiftyWithinABinomialBound() {
    RunResult r = Scenarios.run(Scenarios.load("scenarios/bookinfo/scenario-traffic-shifting.yaml"));
    long n = r.loads().get("users").requests();
    long v1 = r.total().clusters().get(cluster("v1", REVIEWS));
    long v3 = r.total().clusters().get(cluster("v3", REVIEWS));
    assertEquals(n, v1 + v3, "every page goes to v1 or v3");
    double bound = 3 * Math.sqrt(n * 0.25); // three standard deviations of binomial(n, 1/2)
    assertTrue(Math.abs(v3 - n / 2.0) <= bound, "v3 got " + v3 + " of " + n + ", bound " + bound);
    assertTrue(n > 800, "enough requests for the bound to mean something: " + n);
  }

  @Test
  void requestTimeoutCutsTheRatingsDelayToHalfASecond() {
    Scenario scenario = Scenarios.load("scenarios/bookinfo/scenario-request-timeouts.yaml");
    RunResult before = Scenarios.run(scenario.withDuration(9_000_000_000L));
    TrafficStats slow = before.loads().get("users");
    assertTrue(slow.latency().getValueAtPercentile(50) >= 2_000_000_000L, "the 2 s ratings delay shows");
    ClusterStats reviewsBefore = before.clusterStats().get(cluster("v2", REVIEWS));
    assertEquals(null, reviewsBefore.responseCodes().get(504), "no timeout yet");
    assertTrue(before.clusterStats().get(cluster("v1", "ratings.default.svc.cluster.local"))
        .responseFlags().containsKey("DI"), "ratings answers are delay-injected");

    RunResult after = Scenarios.run(scenario);
    ClusterStats reviews = after.clusterStats().get(cluster("v2", REVIEWS));
    long timedOut = reviews.responseCodes().getOrDefault(504, 0L);
    assertTrue(timedOut > 20, "reviews times out after the apply at 10 s: " + timedOut);
    assertEquals(timedOut, reviews.responseFlags().getOrDefault("UT", 0L), "every 504 is UT");
    TrafficStats users = after.loads().get("users");
    assertEquals(users.requests(), users.codes().get(200), "productpage still answers the page");
    dev.meshsim.result.Phase last = after.timeline().phases().get(after.timeline().phases().size() - 1);
    long p99 = last.traffic().latency().getValueAtPercentile(99);
    assertTrue(p99 >= 500_000_000L && p99 < 600_000_000L, "pages after the timeout take 0.5 s and a bit: " + p99);
  }

  @Test
  void faultInjectionDelaysThenAbortsJasonOnly() {
    Scenario scenario = Scenarios.load("scenarios/bookinfo/scenario-fault-injection.yaml");
    RunResult delayed = Scenarios.run(scenario.withDuration(10_000_000_000L));
    TrafficStats jason = delayed.loads().get("jason");
    assertTrue(jason.requests() > 5, "jason calls: " + jason.requests());
    assertEquals(Map.of("DI", jason.requests()), jason.flags(), "every call of jason's is delayed");
    assertTrue(jason.latency().getMinNonZeroValue() >= 7_000_000_000L, "by the task's 7 s");
    TrafficStats others = delayed.loads().get("others");
    assertEquals(Map.of("-", others.requests()), others.flags(), "nobody else is");
    assertTrue(others.latency().getMaxValue() < 100_000_000L);

    RunResult aborted = Scenarios.run(scenario);
    TrafficStats jasonAfter = aborted.loads().get("jason");
    long fi = jasonAfter.flags().getOrDefault("FI", 0L);
    assertTrue(fi > 5, "after the abort is applied, jason's calls answer 500 FI: " + fi);
    assertEquals(fi, jasonAfter.codes().get(500));
    assertEquals(Map.of(200, aborted.loads().get("others").requests()), aborted.loads().get("others").codes());
  }
}
