package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.Convergence;
import dev.meshsim.result.PushRecord;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large mesh with and without a namespace-wide Sidecar importing only svc-000 (the lines of
 * {@code scenarios/large-mesh.yaml} marked {@code #> }): istiod's push of the VirtualService change
 * sends each proxy 1 cluster and 1 virtual host instead of 300 and 300, so the push queue drains
 * in ⌈3001/25⌉ × (100 µs + 2 µs × 2) instead of ⌈3001/25⌉ × (100 µs + 2 µs × 600), and every
 * sidecar converges that much sooner.
 */
class LargeMeshSidecarTest {
  private static final long MS = 1_000_000L;
  private static final long ROUNDS = (3001 + 24) / 25;
  private static RunResult unscoped;
  private static RunResult scoped;

  @BeforeAll
  static void run(@TempDir Path dir) throws Exception {
    Path plain = Path.of("scenarios/large-mesh.yaml");
    Path withSidecar = dir.resolve("large-mesh-sidecar.yaml");
    Files.writeString(withSidecar, Files.readString(plain).replaceAll("(?m)^#> ", ""));
    long duration = 11_000_000_000L;
    unscoped = Scenarios.run(ScenarioLoader.load(plain).scenario().withDuration(duration));
    scoped = Scenarios.run(ScenarioLoader.load(withSidecar).scenario().withDuration(duration));
  }

  private static long sending(RunResult r) {
    PushRecord p = r.timeline().pushes().get(0);
    assertTrue(p.full() && p.doneNanos() > 0, p.toString());
    return p.doneNanos() - p.readyNanos();
  }

  @Test
  void eachProxysPushShrinksToItsScope() {
    assertEquals(ROUNDS * (100_000 + 2_000 * 600), sending(unscoped), "300 clusters + 300 virtual hosts");
    assertEquals(ROUNDS * (100_000 + 2_000 * 2), sending(scoped), "1 cluster + 1 virtual host");
  }

  @Test
  void everySidecarConvergesSooner() {
    Convergence before = unscoped.timeline().convergence().get(0);
    Convergence after = scoped.timeline().convergence().get(0);
    assertEquals(3001, after.sidecars());
    assertEquals(0, after.pending());
    // The slowest sidecar gains what the push queue gained, give or take its random delivery delay.
    long saved = sending(unscoped) - sending(scoped);
    long gained = before.quantileNanos(1) - after.quantileNanos(1);
    assertTrue(Math.abs(gained - saved) < saved / 10, "max " + before.quantileNanos(1) / MS + " ms -> "
        + after.quantileNanos(1) / MS + " ms, expected ~" + saved / MS + " ms sooner");
    assertTrue(after.quantileNanos(0.5) < before.quantileNanos(0.5) - 50 * MS, "the median sidecar gains too");
    for (RunResult r : new RunResult[] {unscoped, scoped}) {
      assertEquals(java.util.Map.of(200, r.loads().get("users").requests()), r.loads().get("users").codes(),
          "no request fails either way");
    }
  }
}
