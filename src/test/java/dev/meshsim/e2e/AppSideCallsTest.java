package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TraceStats;
import dev.meshsim.result.TrafficStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The app side of a call: headers an app copies into its calls ({@code propagate}), the traces
 * they link, and the app's own timeout and retries, distinct from the sidecar's.
 */
class AppSideCallsTest {
  private static final String TRACING = "scenarios/troubles/08-tracing-not-transparent.yaml";
  private static final String FAULT_PAGE = "scenarios/bookinfo/scenario-fault-injection-page.yaml";
  private static final String REVIEWS = "reviews.default.svc.cluster.local";
  private static final String TRACE_HEADERS =
      "[end-user, x-request-id, traceparent, b3, x-b3-traceid, x-b3-spanid, x-b3-sampled]";

  private static String cluster(String subset, String fqdn) {
    return "outbound|9080|" + subset + "|" + fqdn;
  }

  @Test
  void jasonThroughProductpageReachesReviewsV2WithPropagateAndV1Without() {
    RunResult with = Scenarios.run(Scenarios.load(TRACING));
    long jason = with.loads().get("jason").requests();
    long users = with.loads().get("users").requests();
    assertTrue(jason > 100 && users > 500, jason + " / " + users);
    Map<String, Long> routed = with.total().clusters();
    assertEquals(jason, routed.get(cluster("v2", REVIEWS)), "every jason page, and only those, reach v2");
    assertEquals(users, routed.get(cluster("v1", REVIEWS)));

    RunResult without = Scenarios.run(SiblingVariants.load(TRACING,
        "    propagate: [end-user]\n    calls:\n      - {target: details", "    calls:\n      - {target: details"));
    Map<String, Long> routedWithout = without.total().clusters();
    assertEquals(null, routedWithout.get(cluster("v2", REVIEWS)), "productpage did not pass end-user on");
    assertEquals(jason + users, routedWithout.get(cluster("v1", REVIEWS)));
  }

  @Test
  void tracesBreakWhereAnAppDoesNotPassTheTraceHeadersOn() {
    TraceStats broken = Scenarios.run(Scenarios.load(TRACING)).traces();
    long pages = broken.loads().get("users").bad() + broken.loads().get("jason").bad();
    assertEquals(0, broken.completeTraces(), "productpage copies end-user only");
    assertEquals(pages, broken.brokenTraces());
    assertEquals(pages, broken.services().get("productpage.default.svc.cluster.local").good(),
        "the load's sidecar started the trace: productpage's own span is linked");
    assertEquals(0, broken.services().get(REVIEWS).good());
    assertEquals(pages, broken.services().get(REVIEWS).bad());

    // Only productpage passes the headers: the break moves down to reviews v2 (jason's pages).
    TraceStats half = Scenarios.run(SiblingVariants.load(TRACING,
        "    propagate: [end-user]\n    calls:\n      - {target: details",
        "    propagate: " + TRACE_HEADERS + "\n    calls:\n      - {target: details")).traces();
    assertEquals(half.loads().get("users").bad(), 0, "v1 calls nobody: users' traces are whole");
    assertEquals(half.loads().get("jason").good(), 0, "reviews v2 drops the context on its call to ratings");
    assertEquals(0, half.services().get("ratings.default.svc.cluster.local").good());
    assertEquals(half.brokenTraces() + half.completeTraces(), half.services().get(REVIEWS).good());

    TraceStats whole = Scenarios.run(SiblingVariants.load(TRACING, "propagate: [end-user]",
        "propagate: " + TRACE_HEADERS)).traces();
    assertEquals(0, whole.brokenTraces());
    assertEquals(pages, whole.completeTraces(), "same seed, same pages");
    whole.services().forEach((service, c) -> assertEquals(0, c.bad(), service));
  }

  @Test
  void scenariosWithoutPropagateCountNoTraces() {
    assertEquals(null, Scenarios.run(Scenarios.load("scenarios/bookinfo/scenario-request-routing.yaml")).traces());
  }

  @Test
  void productpageGivesUpOnReviewsAfterTwoThreeSecondAttemptsWhileTheSidecarResets() {
    RunResult r = Scenarios.run(Scenarios.load(FAULT_PAGE));
    TrafficStats jason = r.loads().get("jason");
    assertTrue(jason.requests() >= 15, "jason pages: " + jason.requests());
    assertEquals(Map.of(500, jason.requests()), jason.codes(), "productpage answers its own error");
    long p0 = jason.latency().getMinValue();
    long p100 = jason.latency().getMaxValue();
    assertTrue(p0 >= 6_000_000_000L && p100 < 6_100_000_000L, "about 6 s: " + p0 + ".." + p100);

    ClusterStats v2 = r.clusterStats().get(cluster("v2", REVIEWS));
    assertEquals(Map.of(0, 2 * jason.requests()), v2.responseCodes(), "two attempts per page, each reset by the sidecar");
    assertEquals(Map.of("DC", 2 * jason.requests()), v2.responseFlags());
    ClusterStats ratings = r.clusterStats().get(cluster("v1", "ratings.default.svc.cluster.local"));
    // Both attempts of a page carried on to ratings (the run ends once the loads' requests have,
    // so the last few pages' calls to ratings are still in their 7 s delay then).
    assertTrue(ratings.responseFlags().getOrDefault("DI", 0L) > jason.requests(),
        "reviews v2 carried on and called ratings for abandoned attempts: " + ratings.responseFlags());
    TrafficStats users = r.loads().get("users");
    assertEquals(Map.of(200, users.requests()), users.codes());
    assertTrue(users.latency().getValueAtPercentile(99) < 100_000_000L, "users are not held up");
  }

  @Test
  void raisingProductpagesTimeoutAboveTheDelayFixesThePage() {
    RunResult r = Scenarios.run(SiblingVariants.load(FAULT_PAGE,
        "path: /reviews/0, timeout: 3s, retries: 1", "path: /reviews/0, timeout: 10s, retries: 1"));
    TrafficStats jason = r.loads().get("jason");
    assertEquals(Map.of(200, jason.requests()), jason.codes());
    long min = jason.latency().getMinValue();
    long max = jason.latency().getMaxValue();
    assertTrue(min >= 7_000_000_000L && max < 7_100_000_000L, "the 7 s delay, then the page: " + min + ".." + max);
    assertEquals(null, r.clusterStats().get(cluster("v2", REVIEWS)).responseFlags().get("DC"));
  }
}
