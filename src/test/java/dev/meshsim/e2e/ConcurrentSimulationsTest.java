package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.report.JsonReport;
import dev.meshsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code meshsim plan} runs simulations side by side in one JVM; that is only sound if a simulation
 * shares no mutable state with another. Run the same scenarios alone and four at once: same bytes.
 */
class ConcurrentSimulationsTest {

  @Test
  void simulationsRunningAtOnceGiveTheResultsTheyGiveAlone() throws Exception {
    Scenario base = Scenarios.load("scenarios/bench-chain.yaml").withDuration(6_000_000_000L); // 1 s measured after the 5 s warmup
    List<Scenario> scenarios = List.of(base, base.withSeed(2), base.withSeed(3), base);
    List<String> alone = new ArrayList<>();
    for (Scenario s : scenarios) {
      alone.add(JsonReport.toJson(new MeshSimulation(s).run()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> together = new ArrayList<>();
      for (Scenario s : scenarios) {
        together.add(pool.submit(() -> JsonReport.toJson(new MeshSimulation(s).run())));
      }
      assertEquals(alone.get(0), alone.get(3));
      org.junit.jupiter.api.Assertions.assertNotEquals(alone.get(0), alone.get(1), "seeds matter");
      for (int i = 0; i < scenarios.size(); i++) {
        assertEquals(alone.get(i), together.get(i).get(), "scenario " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
