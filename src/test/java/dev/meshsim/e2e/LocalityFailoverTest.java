package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.Phase;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TimeBucket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Locality failover end to end on {@code locality-failover.yaml}: a client in zone a, two pods in
 * zone a (answers tagged 460) and two in zone b (461), and from t = 20s the zone-a pods answer 503.
 * With outlier detection istiod puts zone a at priority 0 and zone b at 1 for this client (reference
 * notes §4.4), and Envoy sends each priority min(100, 1.4 × healthy%) of what the earlier ones leave
 * ({@code PriorityLoadTest}); without it there is one priority.
 */
class LocalityFailoverTest {
  private static final int ZONE_A = 460;
  private static final int ZONE_B = 461;
  private static final long SECOND = 1_000_000_000L;
  /** Buckets from here on start after both ejections (5 consecutive 503s at 200/s take ~50ms). */
  private static final long SETTLED = 21 * SECOND;

  /** Everything stays in zone a while it is healthy, then fails over to zone b entirely. */
  @Test
  void trafficStaysInTheClientsZoneAndFailsOverWhenItsPodsAreEjected() {
    RunResult r = Scenarios.run(Scenarios.test("locality-failover"));
    List<Phase> phases = r.timeline().phases();
    Map<Integer, Long> before = phases.get(0).traffic().codes();
    Map<Integer, Long> after = phases.get(1).traffic().codes();
    Map<Integer, Long> settled = codesFrom(r, SETTLED);
    System.out.printf("locality failover: before %s, after %s, from 21s %s%n", before, after, settled);
    assertEquals(Set.of(ZONE_A), before.keySet(), "P0 fully healthy takes 100%: nothing leaves zone a");
    assertEquals(Set.of(ZONE_B), settled.keySet(), "P0 fully ejected: everything goes to zone b");
    assertEquals(0, after.getOrDefault(ZONE_A, 0L));
    long failed = after.getOrDefault(503, 0L);
    assertTrue(failed >= 10 && failed <= 12, "5 consecutive 503s eject each zone-a pod (plus any in flight): " + failed);
    assertEquals(2, r.clusterStats().get(cluster()).counter("outlier_detection.ejections_enforced_total"));
  }

  /** One zone-a pod of two ejected: P0 is 50% healthy, availability 70, so 70/30 (Envoy's table). */
  @Test
  void halfAZoneEjectedKeeps70PercentThere() {
    RunResult r = Scenarios.run(ScenarioVariants.test("locality-failover", "pods: 2", "pods: 1"));
    Map<Integer, Long> settled = codesFrom(r, SETTLED);
    double toA = share(settled, ZONE_A);
    System.out.printf("locality failover, one zone-a pod ejected: %s, zone a %.3f%n", settled, toA);
    assertEquals(Set.of(ZONE_A, ZONE_B), settled.keySet());
    assertTrue(Math.abs(toA - 0.70) < 0.03, "zone a share " + toA + ", expected 0.70");
  }

  /** Without outlier detection istiod sets no priorities: both zones share the load. */
  @Test
  void withoutOutlierDetectionTrafficSpreadsOverBothZones() {
    String outlierDetection = "        outlierDetection:\n          consecutive5xxErrors: 5\n          interval: 1s\n"
        + "          baseEjectionTime: 60s\n          maxEjectionPercent: 100\n";
    RunResult r = Scenarios.run(ScenarioVariants.test("locality-failover", outlierDetection,
        "        loadBalancer: {simple: LEAST_REQUEST}\n"));
    Map<Integer, Long> before = r.timeline().phases().get(0).traffic().codes();
    double toA = share(before, ZONE_A);
    System.out.printf("no outlier detection: %s, zone a %.3f%n", before, toA);
    assertEquals(Set.of(ZONE_A, ZONE_B), before.keySet());
    assertTrue(Math.abs(toA - 0.5) < 0.05, "zone a share " + toA + ", expected about 0.5");
  }

  private static String cluster() {
    return "outbound|8080||backend.default.svc.cluster.local";
  }

  /** Codes of the requests that started in buckets from {@code fromNanos} on. */
  private static Map<Integer, Long> codesFrom(RunResult r, long fromNanos) {
    Map<Integer, Long> codes = new TreeMap<>();
    for (TimeBucket b : r.timeline().series()) {
      if (b.startNanos() >= fromNanos) {
        b.codes().forEach((code, n) -> codes.merge(code, n, Long::sum));
      }
    }
    return codes;
  }

  private static double share(Map<Integer, Long> codes, int code) {
    long all = codes.values().stream().mapToLong(Long::longValue).sum();
    return (double) codes.getOrDefault(code, 0L) / all;
  }
}
