package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.app.FailureMode;
import dev.meshsim.engine.random.Distribution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-deployment failure modes: defaults, every field, the old errorRate form, bad values. */
class FailureModeTest {

  @TempDir Path tmp;

  /** MINIMAL with ratings-v1's deployment written as {@code deployment}. */
  private static String with(String deployment) {
    return TestScenarios.MINIMAL.replace("{name: ratings-v1, serviceTime: 1ms}", deployment);
  }

  private FailureMode ratingsFailure(String deployment) throws ScenarioException {
    return TestScenarios.load(tmp, with(deployment)).scenario().services().get(1).deployments().get(0).failure();
  }

  @Test
  void defaultsAreAHealthyApp() throws Exception {
    assertEquals(FailureMode.NONE, ratingsFailure("{name: ratings-v1, serviceTime: 1ms}"));
    assertEquals(new FailureMode(0, 500, false, 0, 1.0), FailureMode.NONE);
  }

  @Test
  void everyField() throws Exception {
    assertEquals(new FailureMode(0.1, 503, true, 0.05, 2.5), ratingsFailure("{name: ratings-v1, serviceTime: 1ms,"
        + " errorRate: 0.1, errorCode: 503, refuseConnections: true, resetRate: 0.05, slowdown: 2.5}"));
    assertEquals(new FailureMode(0, 500, false, 0, 0.001),
        ratingsFailure("{name: ratings-v1, serviceTime: 1ms, slowdown: 0.001}"));
  }

  @Test
  void theOriginalErrorRateFormStillWorks() {
    DeploymentSpec d = new DeploymentSpec("a", Map.of(), 1, 1, new Distribution.Constant(1), 0.25, List.of());
    assertEquals(0.25, d.errorRate());
    assertEquals(new FailureMode(0.25, 500, false, 0, 1.0), d.failure());
    assertEquals(FailureMode.errorRate(0.25), d.failure());
  }

  @Test
  void badValuesArePositioned() {
    String base = "{name: ratings-v1, serviceTime: 1ms, ";
    String path = "services[1].deployments[0].";
    assertProblem(base + "errorCode: 200}", path + "errorCode", "expected a whole number in [400, 599], got 200");
    assertProblem(base + "resetRate: 1.5}", path + "resetRate", "expected a number in [0, 1], got 1.5");
    assertProblem(base + "slowdown: 0}", path + "slowdown", "expected a number in [0.001, 1000], got 0");
    assertProblem(base + "refuseConnections: \"yes\"}", path + "refuseConnections", "expected true or false");
    assertThrows(IllegalArgumentException.class, () -> new FailureMode(0, 500, false, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new FailureMode(-0.1, 500, false, 0, 1));
  }

  private void assertProblem(String deployment, String path, String problemStart) {
    ScenarioException e = TestScenarios.error(tmp, with(deployment));
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.problem().startsWith(problemStart), e.getMessage());
  }
}
