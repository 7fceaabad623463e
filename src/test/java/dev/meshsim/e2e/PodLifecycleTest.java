package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.Convergence;
import dev.meshsim.result.FailureWindow;
import dev.meshsim.result.Phase;
import dev.meshsim.result.PodEvent;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods that come and go under load: kills, restarts, rollouts, scaling, start-up order, failures. */
class PodLifecycleTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;

  @TempDir Path tmp;

  private RunResult run(String extra) {
    return MeshSimulation.run(TimelineScenarios.load(tmp, "pods-base.yaml", extra));
  }

  private static TrafficStats users(RunResult r) {
    return r.loads().get("users");
  }

  private static long count(TrafficStats t, String flag) {
    return t.flags().getOrDefault(flag, 0L);
  }

  private static List<String> events(RunResult r, String pod) {
    return r.timeline().podEvents().stream().filter(e -> e.pod().equals(pod)).map(PodEvent::event).toList();
  }

  /**
   * A killed pod: what it held ends 503 UC; then connects to it fail (503 UF) until every client
   * sidecar has the endpoints without it: endpointsDelay 50ms + debounce 100ms + delivery ≈ 155ms.
   */
  @Test
  void aKilledPodFailsConnectsUntilEndpointsConverge() {
    RunResult r = run("timeline: [{at: 10s, kill: {deployment: reviews-v1, pods: 1}}]");
    TrafficStats users = users(r);
    long uf = count(users, "UF");
    assertTrue(uf >= 5 && uf <= 80, "UF " + uf);
    assertTrue(count(users, "UC") >= 1, "requests in service on the killed pod are reset");
    assertEquals(users.requests(), users.codes().get(200) + uf + count(users, "UC"), users.flags().toString());
    List<FailureWindow> windows = r.timeline().failureWindows();
    assertEquals(1, windows.size());
    assertTrue(windows.get(0).toNanos() < 10 * S + 170 * MS, "last failure " + windows.get(0).toNanos());
    Convergence removal = r.timeline().convergence().get(0);
    assertEquals("endpoints -reviews-v1-0", removal.change());
    assertEquals(2, removal.sidecars() - 2, "3 reviews pods + config + users, less the dead one");
    assertTrue(removal.quantileNanos(1) < 170 * MS && removal.quantileNanos(0) >= 150 * MS,
        "max " + removal.quantileNanos(1));
    assertEquals(List.of("created", "sidecar ready", "app ready", "ready").size(),
        events(r, "reviews-v1-3").size(), "a replacement started: " + events(r, "reviews-v1-3"));
  }

  /** kubectl delete pod: withdrawn from the endpoints long before its 5s drain ends, so nothing fails. */
  @Test
  void aGracefulRestartDrainsWithoutFailures() {
    RunResult r = run("timeline: [{at: 10s, restart: {deployment: reviews-v1, pods: 2}}]");
    assertEquals(users(r).requests(), users(r).codes().get(200), users(r).flags().toString());
    assertEquals(List.of("terminating", "gone (drained)"), events(r, "reviews-v1-0"));
    assertTrue(events(r, "reviews-v1-4").contains("ready"));
  }

  /** A drain shorter than the endpoints' way to the sidecars: requests still come and fail. */
  @Test
  void aDrainShorterThanPropagationFails() {
    RunResult r = run("""
        lifecycle: {terminationDrainDuration: 0s}
        controlPlane: {endpointsDelay: 1s}
        timeline: [{at: 10s, restart: {deployment: reviews-v1, pods: 1}}]
        """);
    long uf = count(users(r), "UF");
    assertTrue(uf > 30, "about a third of 300/s for ~1.1s: " + uf);
  }

  /** maxUnavailable 0: a new pod is Ready before an old one goes, and every request succeeds. */
  @Test
  void aRollingUpdateWithMaxUnavailableZeroKeepsServing() {
    RunResult r = run("timeline: [{at: 5s, rollout: {deployment: reviews-v1, maxSurge: 1, maxUnavailable: 0}}]");
    assertEquals(users(r).requests(), users(r).codes().get(200), users(r).flags().toString());
    for (String old : List.of("reviews-v1-0", "reviews-v1-1", "reviews-v1-2")) {
      assertEquals("gone (drained)", events(r, old).get(events(r, old).size() - 1), old);
    }
    for (String fresh : List.of("reviews-v1-3", "reviews-v1-4", "reviews-v1-5")) {
      assertTrue(events(r, fresh).contains("ready"), fresh + " " + events(r, fresh));
    }
  }

  /** Scale up then down: new pods serve once ready, extra ones are deleted newest first. */
  @Test
  void scaleUpAndDown() {
    RunResult r = run("""
        timeline:
          - {at: 3s, scale: {deployment: reviews-v1, replicas: 5}}
          - {at: 10s, scale: {deployment: reviews-v1, replicas: 1}}
        """);
    assertTrue(events(r, "reviews-v1-4").contains("ready"));
    assertEquals(List.of(), events(r, "reviews-v1-0"), "the oldest stays");
    for (String p : List.of("reviews-v1-1", "reviews-v1-2", "reviews-v1-3", "reviews-v1-4")) {
      assertTrue(events(r, p).contains("terminating"), p);
    }
    assertEquals(users(r).requests(), users(r).codes().get(200));
  }

  /**
   * Seed 001 section 4: an app that calls out while starting, before its sidecar has listeners, is
   * refused and exits; kubelet restarts it (at once, then after 10s), so the single replica is back
   * only after about 11s; holdApplicationUntilProxyStarts starts it after Envoy and it is back in ~2s.
   */
  @Test
  void anAppStartingBeforeItsSidecarCrashLoopsUnlessHeld() {
    String scenario = """
        lifecycle:
          holdApplicationUntilProxyStarts: %s
          deployments:
            reviews-v1:
              appStartup: 300ms
              sidecarStartup: 1500ms
              readinessDelay: 500ms
              startupCalls: [{target: config:8080, path: /config}]
        timeline: [{at: 5s, kill: {deployment: reviews-v1, pods: 3}}]
        """;
    RunResult unheld = run(scenario.formatted("false"));
    List<String> events = events(unheld, "reviews-v1-3");
    assertTrue(events.get(1).startsWith("app exited: startup call failed (503)"), events.toString());
    assertTrue(events.contains("app ready after 2 restarts"), events.toString());
    long outage = outage(unheld);
    assertTrue(outage > 10 * S && outage < 13 * S, "no pod for " + outage);

    RunResult held = run(scenario.formatted("true"));
    assertTrue(events(held, "reviews-v1-3").stream().noneMatch(e -> e.startsWith("app exited")));
    long heldOutage = outage(held);
    assertTrue(heldOutage > 1 * S && heldOutage < 3 * S, "no pod for " + heldOutage);
  }

  /** The length of the failure window. */
  private static long outage(RunResult r) {
    List<FailureWindow> w = r.timeline().failureWindows();
    return w.get(w.size() - 1).toNanos() - w.get(0).fromNanos();
  }

  /** The failure action: one of three pods answers 500 from 5s to 10s, then heals. */
  @Test
  void failureActionSwitchesAnAppOnAndOff() {
    RunResult r = run("""
        timeline:
          - {at: 5s, failure: {deployment: reviews-v1, pods: 1, errorRate: 1.0}}
          - {at: 10s, failure: {deployment: reviews-v1, pods: 1}}
        """);
    List<Phase> phases = r.timeline().phases();
    assertEquals(3, phases.size());
    // The app decides when it answers: requests in service at 5s already get the failure.
    assertTrue(phases.get(0).traffic().codes().getOrDefault(500, 0L) <= 10);
    long failed = phases.get(1).traffic().codes().get(500);
    double fraction = (double) failed / phases.get(1).traffic().requests();
    assertTrue(fraction > 0.2 && fraction < 0.5, "about a third of the requests: " + fraction);
    assertEquals(null, phases.get(2).traffic().codes().get(500));
  }
}
