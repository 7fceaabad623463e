package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every bound in {@link ScenarioLimits} is written in the reference scenario and in docs/limits.md. */
class LimitsDocumentedTest {
  private static String text(String path) throws Exception {
    return Files.readString(Path.of(path));
  }

  private static String grouped(double v) {
    return NumberFormat.getIntegerInstance(Locale.ROOT).format(v);
  }

  @Test
  void referenceAndDocsStateTheBounds() throws Exception {
    String reference = text("../scenarios/reference.yaml");
    String docs = text("../docs/limits.md");
    List<String> inReference = List.of("at most 720h", "0.." + ScenarioLimits.MAX_REPLICAS,
        "at most " + ScenarioLimits.MAX_PODS + " pods", "1.." + ScenarioLimits.MAX_WORKERS,
        "1.." + ScenarioLimits.MAX_CONCURRENCY, "concurrency at most " + ScenarioLimits.MAX_SIDECAR_WORKERS,
        "at most " + (long) ScenarioLimits.MAX_RATE_PER_SECOND + "/s", "connections at most " + ScenarioLimits.MAX_CONNECTIONS,
        "0.001.." + (long) ScenarioLimits.MAX_SLOWDOWN, "bucket at most " + ScenarioLimits.MAX_BUCKETS,
        "p99.99 at most 1440h", "sigma at most " + (long) ScenarioLimits.MAX_SIGMA,
        String.valueOf(TrafficPolicyBinder.MAX_RING_SIZE), "64 MiB",
        "at most " + CallGraph.MAX_CALLS_PER_REQUEST + " calls");
    for (String s : inReference) {
      assertTrue(reference.contains(s), "reference.yaml does not say " + s);
    }
    List<String> inDocs = List.of(ScenarioLimits.MAX_DURATION_TEXT.substring(0, 4), ScenarioLimits.MAX_DRAW_TEXT.substring(0, 5),
        grouped(ScenarioLimits.MAX_REPLICAS), grouped(ScenarioLimits.MAX_WORKERS), "1 to " + ScenarioLimits.MAX_CONCURRENCY,
        grouped(ScenarioLimits.MAX_SIDECAR_WORKERS), grouped(ScenarioLimits.MAX_RATE_PER_SECOND),
        grouped(ScenarioLimits.MAX_CONNECTIONS), "0.001 to " + (long) ScenarioLimits.MAX_SLOWDOWN,
        grouped(ScenarioLimits.MAX_BUCKETS), grouped(TrafficPolicyBinder.MAX_RING_SIZE), "at most " + (long) ScenarioLimits.MAX_SIGMA,
        grouped(Re2.ISTIO_MAX_PROGRAM_SIZE), "calls one request causes (its calls, their calls, …) | at most "
        + grouped(CallGraph.MAX_CALLS_PER_REQUEST));
    for (String s : inDocs) {
      assertTrue(docs.contains(s), "docs/limits.md does not say " + s);
    }
  }
}
