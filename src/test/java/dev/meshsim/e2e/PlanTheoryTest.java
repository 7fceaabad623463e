package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshsim plan} against queueing theory. M/M/1's response time is exponential with rate
 * mu - lambda, so its p99 is ln(100)/(mu - lambda); c pods behind kube-proxy's random choice are c
 * M/M/1 queues at lambda/c each. Short runs, many replications: the intervals carry the precision.
 */
class PlanTheoryTest {
  private static final double MU = 1000;
  private static final double T = 0.020;

  @TempDir Path tmp;

  @Test
  void maxRateOfMM1MeetsTheTheoreticalP99Knee() throws Exception {
    Path json = tmp.resolve("plan.json");
    Outcome o = meshsim("plan", "max-rate", "src/test/resources/scenarios/plan-mm1.yaml",
        "--slo", "p99<=20ms", "--precision", "1%", "--rel-precision", "2%", "--json", json.toString());
    assertEquals(0, o.exit(), o.err() + o.out());
    double expected = MU - Math.log(100) / T; // 769.7/s
    double answer = read(json).get("answer").asDouble();
    // The answer is the highest lattice point that clearly passes: at most one 1% step below the
    // knee, plus what the 2% interval on p99 costs near it (d lambda = 2% of mu - lambda, 0.6%).
    assertTrue(Math.abs(answer - expected) / expected <= 0.02,
        "max-rate " + answer + "/s, theory " + expected + "/s\n" + o.out());
  }

  @Test
  void minReplicasBehindRandomChoiceIsTheSmallestStablePodCountMeetingP99() throws Exception {
    Path json = tmp.resolve("plan.json");
    Outcome o = meshsim("plan", "min-replicas", "src/test/resources/scenarios/plan-random-pods.yaml",
        "--deployment", "server", "--slo", "p99<=20ms", "--range", "1..16", "--json", json.toString());
    assertEquals(0, o.exit(), o.err() + o.out());
    double lambda = 2400;
    int expected = (int) Math.ceil(lambda / (MU - Math.log(100) / T)); // smallest c with lambda/c <= 769.7
    JsonNode plan = read(json);
    assertEquals(expected, plan.get("answer").asInt(), o.out());
    // And the p99 at the answer is the theory's, ln(100)/(mu - lambda/c), within its interval's reach.
    JsonNode p99 = plan.get("confirmation").get("metrics").get("p99");
    double theory = Math.log(100) / (MU - lambda / expected) * 1e3;
    assertTrue(Math.abs(p99.get("mean").asDouble() - theory) / theory < 0.03, p99 + " vs " + theory);
  }

  private static JsonNode read(Path json) throws Exception {
    return new ObjectMapper().readTree(Files.readString(json));
  }
}
