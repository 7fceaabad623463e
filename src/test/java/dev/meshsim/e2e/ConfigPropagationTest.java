package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.Convergence;
import dev.meshsim.result.PushRecord;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proofs for config that takes time to arrive: out-of-order VirtualService and
 * DestinationRule (seed 001 section 2), the debounce, and make-before-break.
 */
class ConfigPropagationTest {
  private static final String BASE = "reviews-base.yaml";
  /** Two-sided 99.9% normal quantile. */
  private static final double Z = 3.2905;

  @TempDir Path tmp;

  private RunResult run(String extra) {
    Scenario s = TimelineScenarios.load(tmp, BASE, extra);
    return MeshSimulation.run(s);
  }

  private static long flag(RunResult r, String flag) {
    return r.loads().get("users").flags().getOrDefault(flag, 0L);
  }

  /**
   * Independent streams with fixed delays, one push carrying both objects: each sidecar applies
   * the new routes (RDS) 400ms before the v2 cluster and its endpoints (CDS, EDS), so requests
   * routed to v2 in those 400ms end 503 NC: about rate × weight × gap = 200/s × 0.5 × 0.4s = 40.
   */
  @Test
  void independentStreamsGiveNcForTheGapBetweenRdsAndCds() {
    RunResult r = run("""
        controlPlane:
          apply: {order: file, gap: 0}
          delivery: {mode: independent, cds: 500ms, eds: 500ms, lds: 100ms, rds: 100ms}
        timeline:
          - {at: 5s, apply: reviews-v2-vs-and-dr.yaml}
        """);
    assertEquals(1, fullPushes(r), "both objects in one push");
    double expected = 200 * 0.5 * 0.4;
    long nc = flag(r, "NC");
    assertTrue(Math.abs(nc - expected) <= Z * Math.sqrt(expected),
        "NC " + nc + " outside " + expected + " ± " + Z * Math.sqrt(expected));
    assertEquals(nc, r.loads().get("users").requests() - r.loads().get("users").codes().get(200),
        "every failure is an NC");
  }

  /** Under the Istio 1.5 profile (Envoy before 1.18) the same failures are logged NR, as seed 001 saw them. */
  @Test
  void istio15LogsTheMissingClusterAsNr() {
    Scenario s = TimelineScenarios.load(tmp, "reviews-base-istio15.yaml", """
        controlPlane:
          apply: {order: file, gap: 300ms}
        timeline:
          - {at: 5s, apply: reviews-v2-vs-and-dr.yaml}
        """);
    RunResult r = MeshSimulation.run(s);
    long nr = flag(r, "NR");
    assertTrue(nr >= 15 && nr <= 60, "NR " + nr);
    assertEquals(0, flag(r, "NC"));
    assertEquals(nr, r.loads().get("users").codes().get(503), "503 NR, not 404");
  }

  /** The same single push over ADS: clusters and endpoints always arrive before the routes. */
  @Test
  void adsOrderingWithOnePushHasNoNc() {
    RunResult r = run("""
        controlPlane:
          apply: {order: file, gap: 0}
          delivery: {mode: ads, delay: 300ms}
        timeline:
          - {at: 5s, apply: reviews-v2-vs-and-dr.yaml}
        """);
    assertEquals(1, fullPushes(r));
    assertEquals(0, flag(r, "NC"));
    assertTrue(r.loads().get("users").clusters().get("outbound|9080|v2|reviews.default.svc.cluster.local") > 1000,
        "v2 got its half");
  }

  /**
   * The seed's trouble over ADS: the VirtualService reaches istiod 300ms before the DestinationRule,
   * more than the debounce, so it is pushed alone and every request to v2 fails until the second
   * push lands: about 200/s × 0.5 × (0.3s + the second push's own time).
   */
  @Test
  void virtualServiceFirstAndApartIsPushedAloneAndFails() {
    RunResult r = run("""
        controlPlane:
          apply: {order: file, gap: 300ms}
          delivery: {mode: ads, delay: 5ms}
        timeline:
          - {at: 5s, apply: reviews-v2-vs-and-dr.yaml}
        """);
    assertEquals(2, fullPushes(r), "one push per object");
    long nc = flag(r, "NC");
    assertTrue(nc >= 15 && nc <= 60, "NC " + nc);
    Convergence c = r.timeline().convergence().get(0);
    assertEquals("apply reviews-v2-vs-and-dr.yaml", c.change());
    assertEquals(2, c.version(), "only the second push carries the whole apply");
  }

  /** Make before break: the subset first, the routes 5s later; no request fails, whatever the streams. */
  @Test
  void makeBeforeBreakHasNoFailures() {
    for (String delivery : List.of("{mode: ads}", "{mode: independent, cds: 500ms, eds: 900ms, rds: 10ms, lds: 10ms}")) {
      RunResult r = run("""
          controlPlane:
            delivery: %s
          timeline:
            - {at: 5s, apply: reviews-v2-dr.yaml}
            - {at: 10s, apply: reviews-v2-vs.yaml}
          """.formatted(delivery));
      TrafficStats users = r.loads().get("users");
      assertEquals(users.requests(), users.codes().get(200), delivery + ": " + users.flags());
      // From 10 s to 20 s, half of 200/s less the propagation: about 950, so 800 is 4.5 sigma below.
      assertTrue(users.clusters().get("outbound|9080|v2|reviews.default.svc.cluster.local") > 800);
    }
  }

  /** Two applies closer than the debounce quiet period are pushed once; farther apart, twice. */
  @Test
  void debounceMergesCloseApplies() {
    String twoApplies = """
        controlPlane: {apply: {gap: 0}}
        timeline:
          - {at: 5s, apply: reviews-v2-dr.yaml}
          - {at: %s, apply: reviews-v2-vs.yaml}
        """;
    assertEquals(1, fullPushes(run(twoApplies.formatted("5050ms"))), "50ms apart < debounce 100ms");
    assertEquals(2, fullPushes(run(twoApplies.formatted("5500ms"))), "500ms apart > debounce 100ms");
  }

  /** Events that never pause are pushed when the first is debounce.max old (PILOT_DEBOUNCE_MAX). */
  @Test
  void debounceMaxBoundsTheWait() {
    StringBuilder timeline = new StringBuilder("controlPlane: {apply: {gap: 0}, debounce: {max: 2s}}\ntimeline:\n");
    for (int i = 0; i < 60; i++) { // one apply every 50ms from 5s to 8s
      timeline.append("  - {at: ").append(5000 + 50 * i).append("ms, apply: reviews-v2-dr.yaml}\n");
    }
    RunResult r = run(timeline.toString());
    List<PushRecord> pushes = r.timeline().pushes();
    assertEquals(7_000_000_000L, pushes.get(0).dispatchedNanos(), "first push at 5s + max");
    assertEquals(2, pushes.size(), "the rest after the events stop");
    assertEquals(8_050_000_000L, pushes.get(1).dispatchedNanos(), "last event 7.95s + 100ms quiet");
  }

  private static long fullPushes(RunResult r) {
    return r.timeline().pushes().stream().filter(PushRecord::full).count();
  }
}
