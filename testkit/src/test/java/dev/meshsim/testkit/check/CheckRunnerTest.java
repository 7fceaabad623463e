package dev.meshsim.testkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.PolicyException;
import dev.meshsim.testkit.RouteRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
  static final Path DIR = Path.of("testkit/src/test/resources/checks");

  static CheckReport run(String file, boolean covall) {
    return CheckRunner.run(RouteTestFile.read(DIR.resolve(file), null, MeshPolicies::load), covall);
  }

  @Test
  void aFailedTestPrintsItsNameThenEachMismatch_onStandardError_andNoCoverage() {
    CheckReport r = run("wrong.routes.yaml", false);
    assertEquals(1, r.failed());
    CheckReport.Printout p = r.print(false, false, 0);
    assertEquals("jason goes to v1 (wrong on purpose)\nexpected: [outbound|9080|v1|reviews.default"
        + ".svc.cluster.local], actual: [outbound|9080|v3|reviews.default.svc.cluster.local], test type: "
        + "cluster_name\n", p.err());
    assertEquals("", p.out(), "router_check_tool exits before the coverage when a test failed");
    assertFalse(r.passed(0));
  }

  @Test
  void coverageCountsTheRoutesSomeTestReached() {
    CheckReport r = run("partial.routes.json", false);
    assertEquals(0, r.failed());
    // jason and everyone reached; beta and ratings-api not (the NR test reaches no route)
    assertEquals(List.of(new RouteRule("default", "reviews", 0, "jason"),
        new RouteRule("default", "reviews", 2, "everyone")), r.covered());
    assertEquals(50.0, r.coveragePercent());
    assertTrue(r.passed(50));
    assertFalse(r.passed(50.5));
    assertEquals(new CheckReport.Printout("Current route coverage: 50%\n", ""), r.print(false, false, 50));
    assertEquals(new CheckReport.Printout("Current route coverage: 50%\n",
        "Failed to meet coverage requirement: 50.5%\n"), r.print(false, false, 50.5));
  }

  @Test
  void comprehensiveCoverageNeedsClusterAndVirtualHostAssertedAndListsTheRest() {
    CheckReport r = run("partial.routes.json", true);
    assertEquals(25.0, r.coveragePercent());
    String text = r.print(false, false, 0).out();
    assertTrue(text.contains("Missing test for route: default/reviews http[1] \"beta\"\n"), text);
    assertTrue(text.contains("Missing test for route: default/reviews http[2] \"everyone\"\n"), text);
    assertFalse(text.contains("http[0] \"jason\""), text);
    assertTrue(text.endsWith("Current route coverage: 25%\n"), text);
  }

  @Test
  void detailsPrintEveryTestsName_passesOnStandardOutput_unlessOnlyFailures() {
    CheckReport r = run("wrong.routes.yaml", false);
    assertEquals("everyone else goes to v1\n", r.print(true, false, 0).out());
    assertEquals("", r.print(true, true, 0).out());
    assertTrue(r.print(true, true, 0).err().startsWith("jason goes to v1 (wrong on purpose)\nexpected: ["));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"50 | 50", "100 | 100", "66.66666666666667 | 66.6667", "7.448634 | 7.44863",
      "0.5 | 0.5", "0 | 0", "0.00001 | 1e-05", "99.99999 | 100"})
  void percentagesPrintAsACppStreamPrintsADouble(double value, String printed) {
    assertEquals(printed, CheckReport.percent(value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "bad-unknown-key.routes.yaml | bad-unknown-key.routes.yaml:5:16: tests[0].validate.clustr_name: unknown key",
    "bad-missing-path.routes.yaml | bad-missing-path.routes.yaml:5:7: tests[0].input: missing required key \"path\"",
    "bad-random-value.routes.yaml | bad-random-value.routes.yaml:4:74: tests[0].input.random_value: expected a whole number >= 0",
    "bad-source.routes.json | bad-source.routes.json:3:14: tests[0].input.source: no workload nobody",
    "bad-bound.routes.yaml | bad-bound.routes.yaml:8:21: tests[0].simulate.expect.flags.NC: expected a rate bound",
  })
  void badTestFilesArePositioned(String file, String expected) {
    PolicyException e = assertThrows(PolicyException.class, () -> run(file, false));
    assertTrue(e.getMessage().startsWith(DIR.resolve(expected.split(":")[0]) + ":"), e.getMessage());
    assertTrue(e.getMessage().contains(expected.substring(expected.indexOf(':'))), e.getMessage());
  }
}
