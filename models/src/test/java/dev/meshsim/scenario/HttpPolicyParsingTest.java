package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.istio.HttpFaultInjection;
import dev.meshsim.istio.HttpRetry;
import dev.meshsim.istio.HttpRoute;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An http route's timeout, retries and fault: unset versus 0, and istiod's checks. */
class HttpPolicyParsingTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @TempDir Path tmp;

  /** A VirtualService for reviews with one route to it, extended by {@code routeFields}. */
  private static String vs(String routeFields) {
    return TestScenarios.MINIMAL + """
        istio:
          - apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              hosts: [reviews]
              http:
                - route: [{destination: {host: reviews}}]
        """ + routeFields.indent(10);
  }

  private LoadedScenario load(String routeFields) throws ScenarioException {
    return TestScenarios.load(tmp, vs(routeFields));
  }

  private HttpRoute route(String routeFields) throws ScenarioException {
    return load(routeFields).scenario().istio().virtualServices().get(0).http().get(0);
  }

  private void assertProblem(String routeFields, String path, String problemStart) {
    ScenarioException e = TestScenarios.error(tmp, vs(routeFields));
    assertEquals("istio[0].spec.http[0]" + path, e.path(), e.getMessage());
    assertTrue(e.problem().startsWith(problemStart), e.getMessage());
  }

  @Test
  void unsetPoliciesAreNull() throws Exception {
    HttpRoute r = route("");
    assertNull(r.timeoutNanos());
    assertNull(r.retries()); // Istio's default retry policy applies
    assertNull(r.fault());
  }

  @Test
  void timeoutAndEveryRetryField() throws Exception {
    HttpRoute r = route("""
        timeout: 10s
        retries:
          attempts: 3
          perTryTimeout: 2s
          retryOn: 5xx,reset,connect-failure,503,unavailable
          retryRemoteLocalities: true
          retryIgnorePreviousHosts: false
          backoff: 100ms
        """);
    assertEquals(10 * S, r.timeoutNanos());
    assertEquals(new HttpRetry(3, 2 * S, "5xx,reset,connect-failure,503,unavailable", true, false, 100 * MS),
        r.retries());
  }

  @Test
  void attemptsZeroExplicitlyDisablesRetries() throws Exception {
    HttpRetry none = route("retries: {attempts: 0}").retries();
    assertEquals(new HttpRetry(0, null, null, null, null, null), none);
    assertTrue(none.disabled());
    assertEquals(new HttpRetry(0, null, null, null, null, null), route("retries: {}").retries()); // proto3 0
    assertTrue(!route("retries: {attempts: 1}").retries().disabled());
  }

  @Test
  void faultDelayAndAbort() throws Exception {
    HttpFaultInjection f = route("""
        fault:
          delay: {fixedDelay: 5s, percentage: {value: 0.1}}
          abort: {httpStatus: 503, percentage: {value: 50}}
        """).fault();
    assertEquals(new HttpFaultInjection(new HttpFaultInjection.Delay(5 * S, 0.1, null),
        new HttpFaultInjection.Abort(503, null, 50.0)), f);
    assertEquals(new HttpFaultInjection(new HttpFaultInjection.Delay(7 * MS, null, 30), null),
        route("fault: {delay: {fixedDelay: 7ms, percent: 30}}").fault());
    assertEquals(new HttpFaultInjection(null, new HttpFaultInjection.Abort(null, "UNAVAILABLE", null)),
        route("fault: {abort: {grpcStatus: UNAVAILABLE}}").fault());
    assertEquals(0.0, route("fault: {abort: {httpStatus: 500, percentage: {value: 0}}}").fault().abort().percentage());
  }

  @Test
  void faultsIstioIgnoresWarn() throws Exception {
    LoadedScenario l = load("fault: {delay: {exponentialDelay: 1s}, abort: {httpStatus: 500}}");
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertTrue(l.warnings().get(0).endsWith("fault.delay.exponentialDelay: exponentialDelay is not supported by"
        + " Istio; ignored"), l.warnings().get(0));
    assertNull(l.scenario().istio().virtualServices().get(0).http().get(0).fault().delay());
    LoadedScenario onlyIgnored = load("fault: {delay: {exponentialDelay: 1s}}");
    assertNull(onlyIgnored.scenario().istio().virtualServices().get(0).http().get(0).fault());
    assertTrue(load("fault: {abort: {percentage: {value: 5}}}").warnings().get(0)
        .contains("an abort without httpStatus or grpcStatus aborts nothing"));
  }

  @Test
  void invalidPoliciesArePositioned() {
    assertProblem("retries: {attempts: 2, retryOn: \"5xx,gateway-eror\"}", ".retries.retryOn",
        "\"gateway-eror\" is not a valid retryOn policy; did you mean \"gateway-error\"? Valid are HTTP status codes");
    assertProblem("retries: {attempts: 2, retryOn: \"5xx, reset\"}", ".retries.retryOn",
        "\" reset\" is not a valid retryOn policy (write the list without spaces).");
    assertProblem("retries: {attempts: 2, retryOn: \"600\"}", ".retries.retryOn",
        "\"600\" is not a valid retryOn policy.");
    assertProblem("retries: {attempts: -1}", ".retries.attempts", "expected a whole number >= 0, got -1");
    assertProblem("retries: {attempts: 0, retryOn: 5xx}", ".retries.retryOn",
        "retryOn is set but attempts is 0, which disables retries (istiod rejects it)");
    assertProblem("retries: {attempts: 1, perTryTimeout: 1.5ms}", ".retries.perTryTimeout",
        "duration must be a whole number of milliseconds");
    assertProblem("timeout: 0s", ".timeout", "duration must be at least 1ms (istiod rejects shorter ones), got 0s");
    assertProblem("fault: {abort: {httpStatus: 503, percentage: {value: 150}}}", ".fault.abort.percentage.value",
        "percentage 150 is neither 0 nor in [0.0001, 100]");
    assertProblem("fault: {delay: {fixedDelay: 1s, percentage: {value: -1}}}", ".fault.delay.percentage.value",
        "percentage -1 is neither 0 nor in [0.0001, 100]");
    assertProblem("fault: {abort: {httpStatus: 700}}", ".fault.abort.httpStatus",
        "expected a whole number in [200, 599], got 700");
    assertProblem("fault: {abort: {httpStatus: 503, grpcStatus: UNAVAILABLE}}", ".fault.abort.grpcStatus",
        "grpcStatus cannot be set together with httpStatus");
    assertProblem("fault: {abort: {grpcStatus: UNAVAILBLE}}", ".fault.abort.grpcStatus",
        "gRPC status \"UNAVAILBLE\" is not supported");
    assertProblem("fault: {abort: {http2Error: PROTOCOL_ERROR}}", ".fault.abort.http2Error",
        "HTTP/2 abort fault injection is not supported (istiod rejects it)");
    assertProblem("fault: {}", ".fault", "a fault needs a delay and/or an abort");
    assertProblem("fault: {delay: {fixedDelay: 1s, percent: 101}}", ".fault.delay.percent",
        "expected a whole number in [0, 100], got 101");
    assertProblem("retries: {attempts: 1, retryOnn: 5xx}", ".retries.retryOnn",
        "unknown key \"retryOnn\"; did you mean \"retryOn\"?");
  }
}
