package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app side of a call: propagate, timeout and retries, their defaults and their bad values. */
class AppCallBindingTest {
  private static final String REVIEWS_V1 = "{name: reviews-v1, labels: {app: reviews, version: v1}, serviceTime: 10ms}";

  @TempDir Path tmp;

  private static String withReviewsV1(String replacement) {
    assertTrue(TestScenarios.MINIMAL.contains(REVIEWS_V1));
    return TestScenarios.MINIMAL.replace(REVIEWS_V1, replacement);
  }

  private CallStep.Call onlyCall(String text) throws ScenarioException {
    Scenario s = TestScenarios.load(tmp, text).scenario();
    return s.services().get(0).deployments().get(0).calls().get(0).calls().get(0);
  }

  private void assertProblem(String text, String path, String problem) {
    ScenarioException e = TestScenarios.error(tmp, text);
    assertEquals(path, e.path(), e.getMessage());
    assertEquals(problem, e.problem(), e.getMessage());
    assertTrue(e.getMessage().startsWith(e.file() + ":" + e.line() + ":" + e.column() + ": " + path + ": "),
        e.getMessage());
  }

  @Test
  void defaultsCopyNothingAndLeaveTheCallToTheSidecar() throws ScenarioException {
    CallStep.Call call = onlyCall(withReviewsV1(
        "{name: reviews-v1, labels: {app: reviews}, serviceTime: 1ms, calls: [{target: 'ratings:9080'}]}"));
    assertEquals(null, call.propagate());
    assertEquals(0, call.timeoutNanos());
    assertEquals(0, call.retries());
  }

  @Test
  void theDeploymentsPropagateIsEachCallsDefaultAndACallsOwnReplacesIt() throws ScenarioException {
    String text = withReviewsV1("{name: reviews-v1, labels: {app: reviews}, serviceTime: 1ms,"
        + " propagate: [End-User, traceparent], calls: [{target: 'ratings:9080'}, {target: 'ratings:9080', propagate: []}]}");
    Scenario s = TestScenarios.load(tmp, text).scenario();
    List<CallStep> calls = s.services().get(0).deployments().get(0).calls();
    assertEquals(List.of("end-user", "traceparent"), calls.get(0).calls().get(0).propagate(), "lower-cased");
    assertEquals(List.of(), calls.get(1).calls().get(0).propagate());
  }

  @Test
  void timeoutAndRetries() throws ScenarioException {
    CallStep.Call call = onlyCall(withReviewsV1(
        "{name: reviews-v1, labels: {app: reviews}, serviceTime: 1ms, calls: [{target: 'ratings:9080', timeout: 3s, retries: 1}]}"));
    assertEquals(3_000_000_000L, call.timeoutNanos());
    assertEquals(1, call.retries());
  }

  @Test
  void badValuesArePositionedAtTheirField() {
    assertProblem(withReviewsV1("{name: reviews-v1, serviceTime: 1ms, propagate: [\"end user\"], calls: [{target: 'ratings:9080'}]}"),
        "services[0].deployments[0].propagate[0]",
        "\"end user\" is not a valid HTTP header name (a token: letters, digits and !#$%&'*+-.^_`|~, no spaces or colons)");
    assertProblem(withReviewsV1("{name: reviews-v1, serviceTime: 1ms, calls: [{target: 'ratings:9080', propagate: [\":path\"]}]}"),
        "services[0].deployments[0].calls[0].propagate[0]",
        "\":path\" is not a valid HTTP header name (a token: letters, digits and !#$%&'*+-.^_`|~, no spaces or colons)");
    assertProblem(withReviewsV1("{name: reviews-v1, serviceTime: 1ms, calls: [{target: 'ratings:9080', propagate: [b3, B3]}]}"),
        "services[0].deployments[0].calls[0].propagate[1]", "header \"b3\" is listed twice (names are case-insensitive)");
    assertProblem(withReviewsV1("{name: reviews-v1, serviceTime: 1ms, calls: [{target: 'ratings:9080', timeout: 0s}]}"),
        "services[0].deployments[0].calls[0].timeout", "timeout must be > 0");
    assertProblem(withReviewsV1("{name: reviews-v1, serviceTime: 1ms, calls: [{target: 'ratings:9080', retries: 11}]}"),
        "services[0].deployments[0].calls[0].retries", "expected a whole number in [0, 10], got 11");
    assertProblem(withReviewsV1("{name: reviews-v1, serviceTime: 1ms, calls: [{target: 'ratings:9080', propagate: end-user}]}"),
        "services[0].deployments[0].calls[0].propagate", "expected a list, got \"end-user\"");
  }

  @Test
  void listenAddress() throws ScenarioException {
    String text = withReviewsV1("{name: reviews-v1, serviceTime: 1ms, listenAddress: podIP}");
    assertEquals(ListenAddress.POD_IP, TestScenarios.load(tmp, text).scenario().services().get(0).deployments().get(0)
        .listenAddress());
    assertEquals(ListenAddress.ALL, TestScenarios.load(tmp, TestScenarios.MINIMAL).scenario().services().get(0)
        .deployments().get(0).listenAddress());
    assertProblem(withReviewsV1("{name: reviews-v1, serviceTime: 1ms, listenAddress: 10.0.0.1}"),
        "services[0].deployments[0].listenAddress",
        "\"10.0.0.1\" is not a listen address meshsim models; use 0.0.0.0, 127.0.0.1 or podIP");
  }
}
