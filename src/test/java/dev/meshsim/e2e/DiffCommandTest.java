package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code meshsim diff}: exit as diff(1) does, bad input 2. */
class DiffCommandTest {
  @Test
  void aChangedSplitExits1AndNamesTheClass() {
    var o = meshsim("diff", "scenarios/reviews-canary.yaml",
        "testkit/src/test/resources/scenarios/reviews-50-50.yaml", "--duration", "2s", "--replications", "2");
    assertEquals(1, o.exit(), o.err());
    assertTrue(o.out().startsWith("Request classes that change destination: "), o.out());
  }

  @Test
  void aGitRevisionsFileIsOneSide() {
    var o = meshsim("diff", "HEAD:scenarios/reviews-90-10.yaml",
        "testkit/src/test/resources/scenarios/reviews-50-50.yaml", "--scenario", "scenarios/reviews-canary.yaml",
        "--duration", "2s", "--replications", "2");
    assertEquals(1, o.exit(), o.err());
    assertTrue(o.out().contains("v2|reviews.default.svc.cluster.local 10%"), o.out());
    var bad = meshsim("diff", "nosuchrev:x.yaml", "scenarios/reviews-90-10.yaml",
        "--scenario", "scenarios/reviews-canary.yaml");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("neither a file nor a git revision's file"), bad.err());
  }

  @Test
  void sameConfigExits0AndBadInputExits2() {
    assertEquals(0, meshsim("diff", "scenarios/reviews-canary.yaml", "scenarios/reviews-canary.yaml",
        "--duration", "2s", "--replications", "2").exit());
    var o = meshsim("diff", "scenarios/reviews-90-10.yaml", "scenarios/reviews-90-10.yaml");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("give the scenario with --scenario"), o.err());
  }
}
