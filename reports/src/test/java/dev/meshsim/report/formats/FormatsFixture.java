package dev.meshsim.report.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.report.AllOutputs;
import dev.meshsim.report.Runs;

/**
 * One circuit-breaking run (UO overflows, pending-overflow stats, two closed-loop loads) and one
 * timeline run (convergence, NC during the out-of-order apply), rendered in every format once, with
 * the JSON report parsed: the reference the other formats are read back against.
 */
final class FormatsFixture {
  private static AllOutputs.Rendered breaking;
  private static AllOutputs.Rendered timeline;

  private FormatsFixture() {}

  static synchronized AllOutputs.Rendered circuitBreaking() throws Exception {
    if (breaking == null) {
      breaking = AllOutputs.of(Runs.scenario("circuit-breaking", 0), 1);
    }
    return breaking;
  }

  static synchronized AllOutputs.Rendered outOfOrderApply() throws Exception {
    if (timeline == null) {
      timeline = AllOutputs.of(Runs.scenario("out-of-order-apply", 20), 1);
    }
    return timeline;
  }

  static JsonNode json(AllOutputs.Rendered r) throws Exception {
    return new ObjectMapper().readTree(r.files().get("report.json"));
  }
}
