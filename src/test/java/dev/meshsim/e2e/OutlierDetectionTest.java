package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.ClusterStats.OutlierEvent;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Envoy's consecutive-5xx outlier detection, event by event (reference notes §2.2), on
 * {@code outlier-ejection-timeline.yaml} and {@code outlier-ejection.yaml}: one pod of three answers
 * 503 to everything (from t = 10s, or from the start), each client sidecar sends it every third
 * request (round robin, constant arrivals, one request in flight), retries off.
 * Everything is deterministic except round robin's random start, which only shifts which of the
 * first three requests reaches the bad pod; the checks allow exactly that.
 *
 * <ul>
 *   <li>the k-th ejection happens inline on the 5th consecutive 503, i.e. at the instant a response
 *       arrives (arrival time + 1ms service time);
 *   <li>it lasts min(30s × k, 300s), rounded up to the next interval tick (ticks on whole seconds):
 *       un-ejection happens only on the timer, and the multiplier is not decremented on the tick
 *       that un-ejects (envoy {@code checkHostForUneject}), so a re-ejection within the same
 *       interval doubles the time;
 *   <li>after un-ejection the counter starts from 0: 5 more 503s (the bad pod's next 5 turns, 12 to
 *       15 request gaps) re-eject it; the client sees exactly 5 503s per ejection;
 *   <li>with the default maxEjectionPercent (10%), Envoy ≥ 1.28 (Istio ≥ 1.20) checks the limit for
 *       the first host too: 1 of 3 is 33% > 10%, so nothing is ejected and every 5th consecutive
 *       503 counts {@code ejections_overflow} instead.
 * </ul>
 */
class OutlierDetectionTest {
  private static final String CLUSTER = "outbound|8080||backend.default.svc.cluster.local";
  private static final long SECOND = 1_000_000_000L;
  private static final long SERVICE = 1_000_000L;
  private static final Map<String, Double> RATES = Map.of("client-a", 97.0, "client-b", 53.0);

  /** The case: the pod starts failing at t = 10s (a timeline {@code failure} action). */
  @Test
  void ejectionsFollowEnvoysAlgorithmAfterAPodStartsFailing() {
    RunResult result = Scenarios.run(Scenarios.test("outlier-ejection-timeline"));
    checkEjections(result, "backend-0", 10 * SECOND);
  }

  /** The same with the failing pod as its own Deployment, failing from t = 0. */
  @Test
  void ejectionsFollowEnvoysAlgorithmForAPodFailingFromTheStart() {
    RunResult result = Scenarios.run(Scenarios.test("outlier-ejection"));
    checkEjections(result, "backend-bad-0", 0);
  }

  /**
   * Checks each client sidecar's ejections of {@code badPod}, which answers 503 to requests that
   * finish from {@code failingFrom} on. Run of 120s: ejected about 0.13s after it starts failing,
   * back 30s later on a tick, re-ejected within 0.3s for 60s, back, re-ejected for 90s past the end.
   */
  private static void checkEjections(RunResult result, String badPod, long failingFrom) {
    ClusterStats stats = result.clusterStats().get(CLUSTER);
    for (var entry : RATES.entrySet()) {
      String sidecar = entry.getKey();
      long gap = Math.round(1e9 / entry.getValue()); // LoadGenerator's constant gap
      List<OutlierEvent> events = stats.events().stream().filter(e -> e.sidecar().equals(sidecar)).toList();
      System.out.println("outlier detection, " + sidecar + ": " + events.stream()
          .map(e -> (e.ejected() ? "eject " : "uneject ") + e.timeNanos() / 1e9 + "s").toList());
      assertEquals(5, events.size(), sidecar + ": eject, uneject, eject, uneject, eject");
      // Requests sent from `window` on count towards the next ejection: 5 consecutive 503s are the
      // bad pod's next 5 turns, the first within 3 requests, so the 5th answer comes 12 to 15 gaps
      // (plus the service time) after the window opens.
      long window = Math.max(0, failingFrom - SERVICE);
      for (int i = 0; i < events.size(); i++) {
        OutlierEvent e = events.get(i);
        assertEquals(badPod, e.host());
        assertEquals(i % 2 == 0, e.ejected(), sidecar + ": events alternate, starting with an ejection");
        if (e.ejected()) {
          long t = e.timeNanos();
          assertEquals(0, (t - SERVICE) % gap, sidecar + ": ejected at " + t + ", not when a response came back");
          assertTrue(t >= window + 12 * gap + SERVICE && t < window + 15 * gap + SERVICE, sidecar + ": ejection "
              + (i / 2 + 1) + " at " + t + " ns is not the bad pod's 5th 503 after " + window + " ns");
        } else {
          int k = i / 2 + 1; // the k-th ejection ends
          long ejectedAt = events.get(i - 1).timeNanos();
          long duration = Math.min(30 * k, 300) * SECOND;
          long tick = (ejectedAt + duration + SECOND - 1) / SECOND * SECOND;
          assertEquals(tick, e.timeNanos(), sidecar + ": ejection " + k + " should last " + duration / SECOND
              + "s, up to the next tick");
          window = e.timeNanos();
        }
      }
      TrafficStats load = result.loads().get(sidecar);
      assertEquals(5 * 3, load.codes().get(503), sidecar + ": exactly 5 503s per ejection");
      assertEquals(load.requests() - 15, load.codes().get(200));
    }
    assertEquals(6, stats.counter("outlier_detection.ejections_enforced_total"));
    assertEquals(4, stats.counter("outlier_detection.unejections_total"));
    assertEquals(0, stats.counter("outlier_detection.ejections_overflow"));
  }

  @Test
  void theDefaultMaxEjectionPercentEjectsNothing() {
    RunResult result = Scenarios.run(ScenarioVariants.test("outlier-ejection",
        "          maxEjectionPercent: 100\n", ""));
    ClusterStats stats = result.clusterStats().get(CLUSTER);
    assertEquals(List.of(), stats.events());
    assertEquals(0, stats.counter("outlier_detection.ejections_enforced_total"));
    long overflows = 0;
    for (String sidecar : RATES.keySet()) {
      TrafficStats load = result.loads().get(sidecar);
      long failed = load.codes().get(503);
      assertTrue(Math.abs(3 * failed - load.requests()) <= 3, sidecar + ": every third request fails");
      overflows += failed / 5; // each run of 5 consecutive 503s, counter reset after each
    }
    assertEquals(overflows, stats.counter("outlier_detection.ejections_overflow"));
  }
}
