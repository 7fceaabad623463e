package dev.meshsim.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.mesh.UpstreamPeaks;
import dev.meshsim.mesh.upstream.Thresholds;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Envoy's limits hold over generated meshes with small random connection pools, circuit breakers,
 * retries, timeouts and failing apps ({@link UpstreamArbitraries}).
 *
 * <ul>
 *   <li>Connections per (client sidecar, cluster): a pool (one per sidecar worker and host) opens a
 *       connection when the {@code max_connections} breaker allows, or when it has no connection at
 *       all. By induction the count N never exceeds max(M, M - 1 + P) where M is {@code
 *       maxConnections} and P the pools holding a connection: a breaker-allowed open leaves N <= M,
 *       a leeway open adds one connection and one occupied pool. So N <= M + W x H - 1 for W
 *       workers and H hosts, and the pending, active-request and retry counters never exceed their
 *       thresholds at all (checked before each increment).
 *   <li>Every request ends exactly once, with one code and one flag, and the code agrees with the
 *       flag (by the tag codes of {@link UpstreamArbitraries}).
 *   <li>No request retries more than its route's {@code attempts}.
 * </ul>
 */
class UpstreamLimitsTest {
  private static final Set<String> FLAGS = Set.of("UH", "UT", "UF", "UC", "UO", "NR", "DI", "FI", "URX", "NC");

  @Property(tries = 80)
  void envoysLimitsHoldAndEveryRequestEndsOnce(@ForAll("meshes") Scenario scenario) {
    MeshSimulation simulation = new MeshSimulation(scenario);
    RunResult result = simulation.run();

    // (a) circuit breakers and the one-connection-per-empty-pool leeway
    boolean leeway = false;
    for (UpstreamPeaks p : simulation.upstreamPeaks()) {
      Thresholds limits = p.limits();
      String where = p.sidecar() + " " + p.cluster() + " " + p;
      if (limits.maxConnections() < Thresholds.ISTIO_UNSET) {
        long bound = limits.maxConnections() + (long) p.workers() * p.hosts() - 1;
        assertTrue(p.connections() <= Math.max(limits.maxConnections(), bound), "connections: " + where);
        leeway |= p.connections() > limits.maxConnections();
      }
      assertTrue(p.pendingRequests() <= limits.maxPendingRequests(), "pending: " + where);
      assertTrue(p.requests() <= limits.maxRequests(), "active requests: " + where);
      assertTrue(p.retries() <= limits.maxRetries(), "outstanding retries: " + where);
    }
    Statistics.label("leeway used").collect(leeway);

    // (c) retries per request within the route's attempts
    Map<Integer, Integer> retries = simulation.maxRetriesByLimit();
    retries.forEach((limit, most) -> assertTrue(most <= limit, most + " retries under attempts " + limit));
    Statistics.label("limit reached").collect(retries.entrySet().stream().anyMatch(e -> e.getValue().equals(e.getKey())));

    // (b) every request ends exactly once (a second end throws in the model), one code, one flag
    Lifecycle.assertEveryRequestEndsOnce(simulation, result);
    TrafficStats total = result.total();
    for (String flags : total.flags().keySet()) {
      assertTrue(flags.equals("-") || Set.of(flags.split(",")).stream().allMatch(FLAGS::contains), "flags " + flags);
    }
    for (int code : total.codes().keySet()) {
      assertTrue(Set.of(200, 404, 500, 503, 504, UpstreamArbitraries.FAULT_CODE).contains(code), "code " + code);
    }
    assertEquals(count(total, 404), withFlag(total, f -> f.contains("NR")), "404 exactly when NR");
    assertEquals(count(total, 504), withFlag(total, f -> f.contains("UT")), "504 exactly when UT");
    assertEquals(count(total, UpstreamArbitraries.FAULT_CODE), withFlag(total, f -> f.contains("FI")),
        "the fault's code exactly when FI");
    long localFailures = withFlag(total, f -> !f.contains("UT") && f.stream().anyMatch(Set.of("UH", "UF", "UC", "NC")::contains));
    assertTrue(localFailures <= count(total, 503), "UH, UF, UC and NC answer 503");
    assertTrue(withFlag(total, f -> f.contains("URX")) <= count(total, 500) + count(total, 503) + count(total, 504),
        "URX only on a failure");
  }

  @Provide
  Arbitrary<Scenario> meshes() {
    return UpstreamArbitraries.scenarios();
  }

  private static long count(TrafficStats stats, int code) {
    return stats.codes().getOrDefault(code, 0L);
  }

  private static long withFlag(TrafficStats stats, Predicate<List<String>> test) {
    return stats.flags().entrySet().stream().filter(e -> test.test(List.of(e.getKey().split(","))))
        .mapToLong(Map.Entry::getValue).sum();
  }
}
