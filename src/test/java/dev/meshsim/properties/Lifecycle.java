package dev.meshsim.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.Map;

/** The accounting every run must satisfy: each request ends once, with one code and one flag set. */
final class Lifecycle {
  private Lifecycle() {}

  /** For a run without warmup: sent = ended + in flight, and every ended request is counted once. */
  static void assertEveryRequestEndsOnce(MeshSimulation simulation, RunResult result) {
    assertEquals(simulation.requestsSent(), simulation.requestsEnded() + result.unfinished(),
        "sent = ended + in flight");
    TrafficStats total = result.total();
    assertEquals(simulation.requestsEnded(), total.requests(), "no warmup: every ended request counts");
    assertEquals(total.requests(), sum(total.codes()), "one code each");
    assertEquals(total.requests(), sum(total.flags()), "one flag each");
    long perLoad = result.loads().values().stream().mapToLong(TrafficStats::requests).sum();
    assertEquals(total.requests(), perLoad, "each request belongs to exactly one load");
  }

  static long sum(Map<?, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
