package dev.meshsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The test kit's static answer is the simulation's: a load that sends the request from a pod with
 * the client's namespace and labels gets the decision's local reply, or lands only on the clusters
 * {@code destinations} lists (exactly the one, when there is one).
 */
class StaticRoutingMatchesSimulationTest {
  static final int SENT = 20;
  final MeshPolicies mesh = MeshPolicies.load(StaticRoutingTest.JASON);
  final MeshPolicies canary = MeshPolicies.load(StaticRoutingTest.CANARY);

  @Provide
  Arbitrary<Request> jasonRequests() {
    return PolicyArbitraries.of(mesh).requests();
  }

  @Provide
  Arbitrary<Request> canaryRequests() {
    return PolicyArbitraries.of(canary).requests();
  }

  final MeshPolicies bySource = MeshPolicies.load(Path.of("testkit/src/test/resources/scenarios/source-labels.yaml"));

  @Provide
  Arbitrary<Request> sourceRequests() {
    return PolicyArbitraries.of(bySource).requests();
  }

  final MeshPolicies delegated = MeshPolicies.load(Path.of("scenarios/troubles/07-delegate.yaml"));

  @Provide
  Arbitrary<Request> delegatedRequests() {
    return PolicyArbitraries.of(delegated).requests();
  }

  @Property(tries = 10)
  void delegatedRequestsGetWhatTheStaticRouteSays(@ForAll("delegatedRequests") Request request) {
    assertSimulationAgrees(delegated, request);
  }

  @Property(tries = 15)
  void clientDependentRequestsGetWhatTheStaticRouteSays(@ForAll("sourceRequests") Request request) {
    assertSimulationAgrees(bySource, request);
  }

  @Property(tries = 25)
  void bookinfoRequestsGetWhatTheStaticRouteSays(@ForAll("jasonRequests") Request request) {
    assertSimulationAgrees(mesh, request);
  }

  @Property(tries = 10)
  void canaryRequestsGetWhatTheStaticRouteSays(@ForAll("canaryRequests") Request request) {
    assertSimulationAgrees(canary, request);
  }

  static void assertSimulationAgrees(MeshPolicies policies, Request request) {
    RouteDecision decision = policies.route(request);
    RunResult run = policies.simulate(s -> s.withDuration("1s").withWarmup("0s").withOnlyEvents(List.of())
        .withLoads(List.of(policies.probeLoad(request, "probe", 100, SENT))));
    TrafficStats probe = run.loads().get("probe");
    assertEquals(SENT, probe.requests(), "every probe request ended");
    if (!decision.forwarded()) {
      assertEquals(Map.of(decision.responseCode(), (long) SENT), probe.codes(), request + " -> " + decision);
      assertEquals(Map.of(decision.responseFlag(), (long) SENT), probe.flags(), request + " -> " + decision);
      return;
    }
    assertFalse(probe.flags().containsKey("NR") || probe.flags().containsKey("NC"), probe.flags().toString());
    Set<String> listed = policies.destinations(request).stream().map(WeightedDestination::cluster)
        .collect(Collectors.toSet());
    assertTrue(listed.containsAll(probe.clusters().keySet()), probe.clusters() + " not within " + listed);
    if (listed.size() == 1) {
      assertEquals(Map.of(decision.cluster(), (long) SENT), probe.clusters());
    }
  }
}
