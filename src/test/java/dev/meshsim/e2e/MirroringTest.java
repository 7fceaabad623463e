package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import org.junit.jupiter.api.Test;

/**
 * VirtualService mirroring: shadow requests load the mirror's pods by the mirrored share, while the
 * client neither waits for them nor sees their answers.
 */
class MirroringTest {
  private static final String FILE = "src/test/resources/scenarios/mirroring/mirror.yaml";
  private static final String V2 = "outbound|9080|v2|reviews.default.svc.cluster.local";

  @Test
  void theMirrorGetsTheMirroredShareAndTheClientDoesNotWait() {
    RunResult mirrored = Scenarios.run(Scenarios.load(FILE));
    RunResult plain = Scenarios.run(SiblingVariants.load(FILE, "          mirror: {host: reviews, subset: v2}\n"
        + "          mirrorPercentage: {value: 50}\n", ""));
    TrafficStats users = mirrored.loads().get("users");
    TrafficStats toV2 = mirrored.loads().get("to-v2");

    // v2 served its own requests and about half of the users' (binomial, three standard deviations).
    long v2Requests = mirrored.clusterStats().get(V2).counter("upstream_rq_total");
    long shadows = v2Requests - toV2.requests();
    long n = users.requests();
    double bound = 3 * Math.sqrt(n * 0.25);
    assertTrue(Math.abs(shadows - n / 2.0) <= bound + 20, shadows + " shadows of " + n + " (bound " + bound + ")");
    assertEquals(toV2.requests(), plain.clusterStats().get(V2).counter("upstream_rq_total"), "no mirror, no shadows");
    assertEquals(null, users.clusters().get(V2), "the users' own requests still go to v1 only");

    // v2 is one worker at 20/s of 10 ms: ~20% busy alone, ~80% with 60/s of shadows; its own
    // callers queue behind them (M/M/1: mean wait grows from 2.5 ms to 40 ms).
    double aloneMs = plain.loads().get("to-v2").latency().getMean() / 1e6;
    double withShadowsMs = toV2.latency().getMean() / 1e6;
    assertTrue(withShadowsMs > aloneMs + 20, aloneMs + " ms alone, " + withShadowsMs + " ms with the shadows");

    // The users never wait for a shadow: their latency is v1's, as without the mirror.
    double usersMs = users.latency().getMean() / 1e6;
    double usersPlainMs = plain.loads().get("users").latency().getMean() / 1e6;
    assertTrue(Math.abs(usersMs - usersPlainMs) < 0.05 * usersPlainMs, usersMs + " vs " + usersPlainMs);
    assertEquals(users.requests(), users.codes().get(200), "and only v1's answers");
  }

  @Test
  void aZeroPercentMirrorSendsNone() {
    RunResult none = Scenarios.run(SiblingVariants.load(FILE, "mirrorPercentage: {value: 50}", "mirrorPercentage: {value: 0}"));
    assertEquals(none.loads().get("to-v2").requests(), none.clusterStats().get(V2).counter("upstream_rq_total"));
  }
}
