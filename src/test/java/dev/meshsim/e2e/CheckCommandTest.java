package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code meshsim check}: the shipped route tests pass, failures exit 1, bad test files exit 2. */
class CheckCommandTest {


  @ParameterizedTest
  @ValueSource(strings = {"reviews-canary", "out-of-order-apply", "pod-kill"})
  void shippedRouteTestsPassWithFullCoverage(String scenario) {
    Outcome o = meshsim("check", "scenarios/route-tests/" + scenario + ".routes.yaml", "--covall", "--fail-under", "100");
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals("Current route coverage: 100%\n", o.out());
    assertEquals("", o.err());
  }

  @Test
  void aFailedTestExits1WithTheMismatchLine() {
    Outcome o = meshsim("check", "testkit/src/test/resources/checks/wrong.routes.yaml");
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("], test type: cluster_name\n"), o.err());
    assertEquals("", o.out(), "no coverage after a failed test");
  }

  @Test
  void coverageUnderTheBarExits1() {
    String file = "testkit/src/test/resources/checks/partial.routes.json";
    assertEquals(0, meshsim("check", file, "--fail-under", "50").exit());
    Outcome under = meshsim("check", file, "--fail-under", "51");
    assertEquals(1, under.exit());
    assertEquals("Failed to meet coverage requirement: 51%\n", under.err());
    assertEquals(1, meshsim("check", file, "--covall", "--fail-under", "50").exit());
  }

  @Test
  void scenarioOptionOverridesTheFilesScenario() {
    // wrong.routes.yaml fails on bookinfo-jason (jason goes to v3); reviews-canary sends its request to v1
    Outcome o = meshsim("check", "testkit/src/test/resources/checks/wrong.routes.yaml",
        "--scenario", "scenarios/reviews-canary.yaml");
    assertEquals(0, o.exit(), o.out() + o.err());
  }

  @Test
  void badTestFileExits2WithOneParagraph() {
    Outcome o = meshsim("check", "testkit/src/test/resources/checks/bad-missing-path.routes.yaml");
    assertEquals(2, o.exit());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("bad-missing-path.routes.yaml:5:7: tests[0].input: missing required key"), o.err());
    assertFalse(o.err().contains("\tat "));
    assertEquals(2, meshsim("check", "no/such/file.yaml").exit());
  }
}
