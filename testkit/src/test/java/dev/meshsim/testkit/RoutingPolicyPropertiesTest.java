package dev.meshsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.timeline.ControlPlaneSettings.ApplyOrder;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The properties platform teams write about their routing policies, as examples of the kit: who
 * reaches which version, rollouts that never fail requests, splits that converge, and resilience to
 * a lost pod. Tries are bounded so the build stays fast; raise them in your own CI.
 */
class RoutingPolicyPropertiesTest {
  static final long MS = 1_000_000L;
  static final Path ROLLOUT = Path.of("testkit/src/test/resources/scenarios/rollout.yaml");

  final MeshPolicies bookinfo = MeshPolicies.load(StaticRoutingTest.JASON);
  final MeshPolicies rollout = MeshPolicies.load(ROLLOUT);

  // --- 1. every request with end-user: jason reaches v3; nobody else does ---

  @Provide
  Arbitrary<Request> reviewsRequests() {
    return PolicyArbitraries.of(bookinfo).requestsTo("reviews:9080");
  }

  @Property(tries = 300)
  void jasonAndOnlyJasonReachesV3(@ForAll("reviewsRequests") Request request) {
    boolean jason = "jason".equals(request.headers().get("end-user"));
    String cluster = bookinfo.route(request).cluster();
    assertEquals(jason, cluster != null && cluster.contains("|v3|"), request + " -> " + cluster);
  }

  // --- 2. for any apply order and delivery delays, the rollout has no NC/NR ---

  @Provide
  Arbitrary<ApplyPlan> writtenOrder() {
    List<IstioObject> objects = rolloutObjects();
    var gaps = net.jqwik.api.Arbitraries.longs().between(0, 40)
        .withDistribution(net.jqwik.api.RandomDistribution.uniform()).map(n -> n * 10 * MS).list().ofSize(objects.size());
    return gaps.map(g -> ApplyPlan.of(objects, g));
  }

  @Provide
  Arbitrary<ApplyPlan> anyOrder() {
    return PolicyArbitraries.of(rollout).applyPlans(rolloutObjects(), 1_000 * MS, 10 * MS);
  }

  /** Make before break holds whatever the gaps and delivery delays: no request fails. */
  @Property(tries = 8)
  void writtenOrderNeverFailsARequest(@ForAll("writtenOrder") ApplyPlan plan,
      @ForAll @IntRange(min = 0, max = 50) int deliveryDelayMs) {
    assertNoLocalReplies(simulate(plan, deliveryDelayMs * MS), plan);
  }

  /**
   * In any order it does not hold: jqwik finds a plan with NC and shrinks it to the written order
   * with one VirtualService moved before the DestinationRule it needs, far enough apart to be pushed
   * separately (istiod's 100ms debounce).
   */
  @Property(tries = 20, shrinking = ShrinkingMode.FULL)
  @AddLifecycleHook(VirtualServiceBeforeItsRule.class)
  void anyOrderNeverFailsARequest(@ForAll("anyOrder") ApplyPlan plan,
      @ForAll @IntRange(min = 0, max = 50) int deliveryDelayMs) {
    assertNoLocalReplies(simulate(plan, deliveryDelayMs * MS), plan);
  }

  static final class VirtualServiceBeforeItsRule extends ExpectCounterexample {
    @Override
    Predicate<List<Object>> expected() {
      return sample -> {
        ApplyPlan plan = (ApplyPlan) sample.get(0);
        List<String> keys = plan.steps().stream().map(s -> s.object().key()).toList();
        List<String> written = rolloutKeys();
        // exactly one pair out of written order, and it is a VirtualService ahead of its rule
        int inversions = 0;
        String swapped = null;
        for (int i = 0; i < keys.size(); i++) {
          for (int j = i + 1; j < keys.size(); j++) {
            if (written.indexOf(keys.get(i)) > written.indexOf(keys.get(j))) {
              inversions++;
              swapped = keys.get(i) + " before " + keys.get(j);
            }
          }
        }
        return inversions == 1 && swapped.matches("VirtualService (\\S+) before DestinationRule \\1");
      };
    }
  }

  private RunResult simulate(ApplyPlan plan, long deliveryDelay) {
    List<TimelineEvent> events = plan.events(1_000 * MS);
    return rollout.simulate(s -> s.withOnlyEvents(events).withApply(ApplyOrder.FILE, 0)
        .withDeliveryDelay(deliveryDelay).withDuration("2500ms"));
  }

  private static void assertNoLocalReplies(RunResult run, ApplyPlan plan) {
    for (var load : run.loads().entrySet()) {
      var flags = load.getValue().flags();
      assertTrue(!flags.containsKey("NC") && !flags.containsKey("NR"), load.getKey() + " " + flags + " under " + plan);
    }
  }

  private List<IstioObject> rolloutObjects() {
    return ((TimelineEvent.Apply) rollout.scenario().timeline().events().get(0)).objects();
  }

  private static List<String> rolloutKeys() {
    MeshPolicies m = MeshPolicies.load(ROLLOUT);
    return ((TimelineEvent.Apply) m.scenario().timeline().events().get(0)).objects().stream()
        .map(IstioObject::key).toList();
  }

  // --- 3. the 90/10 split converges within the binomial bound ---

  /**
   * Over n routed requests the v2 count is Binomial(n, 0.1), the share {@code destinations} gives;
   * 4.5 standard deviations make a false alarm about 1 in 150,000 per try.
   */
  @Property(tries = 5)
  void ninetyTenSplitConverges(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    MeshPolicies canary = MeshPolicies.load(StaticRoutingTest.CANARY);
    Request users = Request.get("reviews:9080", "/reviews/0").from("users");
    double p = canary.destinations(users).stream().filter(d -> d.subset().equals("v2")).findFirst()
        .orElseThrow().share();
    RunResult run = canary.simulate(s -> s.withSeed(seed).withDuration("3s").withWarmup("0s")
        .withLoads(List.of(canary.probeLoad(users, "users", 1000, 0))));
    TrafficStats stats = run.loads().get("users");
    long n = stats.clusters().values().stream().mapToLong(Long::longValue).sum();
    long v2 = stats.clusters().getOrDefault("outbound|9080|v2|reviews.default.svc.cluster.local", 0L);
    double bound = 4.5 * Math.sqrt(p * (1 - p) / n);
    assertTrue(n >= 2_900, "requests routed: " + n);
    assertTrue(Math.abs((double) v2 / n - p) <= bound, v2 + " of " + n + " to v2, expected " + p + " ± " + bound);
  }

  // --- 4. with one pod killed, errors stay under 0.1% with Istio's default retries ---

  @Provide
  Arbitrary<PodFailure> killOneRetriedPod() {
    MeshPolicies podKill = MeshPolicies.load(Path.of("scenarios/pod-kill.yaml"));
    return PolicyArbitraries.of(podKill).podFailures(3_000 * MS, 15_000 * MS, 3)
        .filter(f -> f.deployment().name().equals("reviews-retried-v1"));
  }

  @Property(tries = 4)
  void onePodKilledKeepsErrorsUnderAPerMilleWithDefaultRetries(@ForAll("killOneRetriedPod") PodFailure kill,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    MeshPolicies podKill = MeshPolicies.load(Path.of("scenarios/pod-kill.yaml"));
    var retried = podKill.scenario().loads().stream().filter(l -> l.name().equals("to-reviews-retried")).toList();
    RunResult run = podKill.simulate(s -> s.withSeed(seed).withDuration("20s").withWarmup("1s").withLoads(retried)
        .withOnlyEvents(List.of(kill.event())));
    TrafficStats stats = run.loads().get("to-reviews-retried");
    long errors = stats.requests() - stats.codes().getOrDefault(200, 0L);
    assertTrue(errors * 1000 < stats.requests(), errors + " errors of " + stats.requests() + " after " + kill
        + " " + stats.flags());
  }
}
