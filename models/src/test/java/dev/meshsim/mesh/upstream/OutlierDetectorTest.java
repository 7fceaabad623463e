package dev.meshsim.mesh.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outlier detector built alone over hosts of its own ({@code outlier_detection_impl.cc}):
 * consecutive-error ejection, un-ejection on interval ticks only, the multiplier's growth and decay,
 * and {@code maxEjectionPercent}.
 */
class OutlierDetectorTest {
  private static final long S = 1_000_000_000L;

  private final Simulation sim = new Simulation();
  private final List<String> events = new ArrayList<>();

  /** 5 consecutive 5xx, 10 s interval, 30 s base ejection, 300 s cap. */
  private static OutlierSettings settings(int maxEjectionPercent) {
    return new OutlierSettings(5, 0, 10 * S, 30 * S, 300 * S, maxEjectionPercent,
        OutlierSettings.EjectionRule.AFTER_COUNT);
  }

  private OutlierDetector detector(OutlierSettings settings) {
    OutlierDetector d = new OutlierDetector(settings, sim,
        (host, ejected, enforced) -> events.add(sim.now() / S + "s " + (enforced ? "" : "refused ")
            + (ejected ? "eject " : "uneject ") + host.endpoint().podName()));
    d.start();
    return d;
  }

  private static List<Host> hosts(OutlierDetector detector, int n) {
    ClusterInfo info = Upstreams.info(ClusterSettings.istioDefaults(LbPolicy.ROUND_ROBIN), new Simulation(),
        new Upstreams.Sink());
    List<Host> hosts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      OutlierMonitor m = detector.newMonitor();
      Host h = new Host(Upstreams.endpoint(i), new Upstreams.Link(), info, m, 1);
      m.bind(h);
      hosts.add(h);
    }
    detector.hostsChanged(List.copyOf(hosts), List.of());
    return hosts;
  }

  private static void fail(Host h, int times) {
    for (int i = 0; i < times; i++) {
      h.outlier().putHttpResponseCode(503);
    }
  }

  @Test
  void theFifthConsecutive5xxEjectsAndASuccessInBetweenResets() {
    OutlierDetector d = detector(settings(100));
    List<Host> hosts = hosts(d, 2);
    fail(hosts.get(0), 4);
    hosts.get(0).outlier().putHttpResponseCode(200);
    fail(hosts.get(0), 4);
    assertFalse(hosts.get(0).ejected(), "4 + 4 with a success between is not 5 in a row");
    fail(hosts.get(0), 1);
    assertTrue(hosts.get(0).ejected());
    assertEquals(List.of("0s eject pod-0"), events);
    assertEquals(1, d.ejectedCount());
  }

  /** Un-ejection waits for the first tick at or after base x multiplier: 30 s ejected at 1 s is out until 40 s. */
  @Test
  void unejectionHappensOnATickOnceTheEjectionTimeHasPassed() {
    OutlierDetector d = detector(settings(100));
    List<Host> hosts = hosts(d, 2);
    sim.runUntil(S);
    fail(hosts.get(0), 5);
    sim.runUntil(39 * S);
    assertTrue(hosts.get(0).ejected(), "ticks at 10, 20, 30 s: not 30 s yet since 1 s");
    sim.runUntil(40 * S);
    assertFalse(hosts.get(0).ejected());
    assertEquals(List.of("1s eject pod-0", "40s uneject pod-0"), events);
  }

  /**
   * The multiplier grows by one per ejection and decays by one per tick that finds the host
   * healthy, but not on the tick that un-ejects it: a host re-ejected at once stays out 2 x base.
   */
  @Test
  void theMultiplierGrowsPerEjectionAndDecaysPerHealthyTick() {
    OutlierDetector d = detector(settings(100));
    Host h = hosts(d, 2).get(0);
    fail(h, 5);
    assertEquals(1, h.outlier().multiplier());
    sim.runUntil(30 * S);
    assertFalse(h.ejected(), "un-ejected on the 30 s tick");
    assertEquals(1, h.outlier().multiplier(), "not decayed by the tick that un-ejected it");
    fail(h, 5);
    assertEquals(2, h.outlier().multiplier());
    sim.runUntil(89 * S);
    assertTrue(h.ejected(), "2 x 30 s from 30 s");
    sim.runUntil(90 * S);
    assertFalse(h.ejected());
    sim.runUntil(110 * S);
    assertEquals(0, h.outlier().multiplier(), "two healthy ticks (100 s, 110 s) decay 2 to 0");
  }

  @Test
  void maxEjectionPercentRefusesAnEjectionAndTheCounterStillResets() {
    OutlierDetector d = detector(settings(50));
    List<Host> hosts = hosts(d, 2);
    fail(hosts.get(0), 5);
    fail(hosts.get(1), 5);
    assertTrue(hosts.get(0).ejected());
    assertFalse(hosts.get(1).ejected(), "a second of two hosts would be 100% > 50%");
    assertEquals(List.of("0s eject pod-0", "0s refused eject pod-1"), events);
    fail(hosts.get(1), 4);
    assertEquals(2, events.size(), "the counter restarted from 0 after the refusal");
  }

  @Test
  void aRemovedHostIsNoLongerHeard() {
    OutlierDetector d = detector(settings(100));
    List<Host> hosts = hosts(d, 2);
    d.hostsChanged(List.of(hosts.get(1)), List.of(hosts.get(0)));
    fail(hosts.get(0), 5);
    assertFalse(hosts.get(0).ejected());
    assertTrue(events.isEmpty());
  }
}
