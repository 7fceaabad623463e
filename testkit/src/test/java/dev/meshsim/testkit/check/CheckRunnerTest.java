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
  void wrongExpectationFailsWithExpectedActualAndField() {
    CheckReport r = run("wrong.routes.yaml", false);
    assertEquals(1, r.failed());
    String text = r.render(false, false);
    assertTrue(text.startsWith("jason goes to v1 (wrong on purpose): expected: [outbound|9080|v1|reviews.default"
        + ".svc.cluster.local], actual: [outbound|9080|v3|reviews.default.svc.cluster.local], test type: "
        + "cluster_name\n"), text);
    assertTrue(text.contains("2 tests: 1 passed, 1 failed\n"), text);
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
    assertTrue(r.render(false, false).contains("Current route coverage: 50% (2 of 4 VirtualService http routes)"));
  }

  @Test
  void comprehensiveCoverageNeedsClusterAndVirtualHostAssertedAndListsTheRest() {
    CheckReport r = run("partial.routes.json", true);
    assertEquals(25.0, r.coveragePercent());
    String text = r.render(false, false);
    assertTrue(text.contains("Missing test for route: default/reviews http[1] \"beta\"\n"), text);
    assertTrue(text.contains("Missing test for route: default/reviews http[2] \"everyone\"\n"), text);
    assertFalse(text.contains("http[0] \"jason\""), text);
  }

  @Test
  void detailsPrintEveryTestUnlessOnlyFailures() {
    CheckReport r = run("wrong.routes.yaml", false);
    assertTrue(r.render(true, false).contains("PASS everyone else goes to v1\n"));
    assertFalse(r.render(true, true).contains("PASS "));
    assertTrue(r.render(true, true).contains("FAIL jason goes to v1 (wrong on purpose)\n"));
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
