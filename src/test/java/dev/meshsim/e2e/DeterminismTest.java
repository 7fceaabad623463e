package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.meshsim.report.JsonReport;
import dev.meshsim.scenario.Scenario;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Same scenario and seed: byte-identical output, whatever else runs alongside; another seed: not. */
class DeterminismTest {
  private final Scenario canary = Scenarios.load("scenarios/reviews-canary.yaml").withDuration(20_000_000_000L);

  @Test
  void sameSeedGivesByteIdenticalJson() {
    assertEquals(json(canary), json(canary));
  }

  @Test
  void concurrentRunsGiveTheSameBytesAsASequentialOne() throws Exception {
    String sequential = json(canary);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> a = pool.submit(() -> json(canary));
      Future<String> b = pool.submit(() -> json(canary));
      assertEquals(sequential, a.get());
      assertEquals(sequential, b.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherSeedChangesTheResult() {
    assertNotEquals(json(canary), json(canary.withSeed(2)));
  }

  private static String json(Scenario s) {
    return JsonReport.toJson(Scenarios.run(s));
  }
}
