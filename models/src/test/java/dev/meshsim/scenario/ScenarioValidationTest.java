package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario-level checks beyond the list, each at the field that is wrong. */
class ScenarioValidationTest {

  @TempDir Path tmp;

  private void assertProblem(String text, String path, String problemStart) {
    ScenarioException e = TestScenarios.error(tmp, text);
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.problem().startsWith(problemStart), e.getMessage());
  }

  private static String minimalWith(String from, String to) {
    assertTrue(TestScenarios.MINIMAL.contains(from), from);
    return TestScenarios.MINIMAL.replace(from, to);
  }

  @Test
  void deploymentFields() {
    assertProblem(minimalWith("{name: ratings-v1, serviceTime: 1ms}", "{name: ratings-v1, serviceTime: 1ms, replicas: two}"),
        "services[1].deployments[0].replicas", "expected a whole number in [0, 10000], got \"two\"");
    assertProblem(minimalWith("{name: ratings-v1, serviceTime: 1ms}", "{name: ratings-v1, serviceTime: 1ms, workers: 0}"),
        "services[1].deployments[0].workers", "expected a whole number in [1, 100000], got 0");
    assertProblem(minimalWith("{name: ratings-v1, serviceTime: 1ms}", "{name: ratings-v1, serviceTime: 1ms, errorRate: 1.5}"),
        "services[1].deployments[0].errorRate", "expected a number in [0, 1], got 1.5");
    assertProblem(minimalWith("{name: ratings-v1, serviceTime: 1ms}", "{name: ratings-v1}"),
        "services[1].deployments[0]", "missing required key \"serviceTime\"");
    assertProblem(minimalWith("{name: ratings-v1, serviceTime: 1ms}", "{name: Ratings_v1, serviceTime: 1ms}"),
        "services[1].deployments[0].name", "expected a DNS label");
    assertProblem(minimalWith("{name: ratings-v1, serviceTime: 1ms}", "{name: reviews-v1, serviceTime: 1ms}"),
        "services[1].deployments[0].name", "deployment reviews-v1 is declared twice in namespace default");
  }

  @Test
  void servicesAndPorts() {
    assertProblem(minimalWith("{name: http, port: 9080}]\n", "{name: http, port: 90800}]\n"),
        "services[0].ports[0].port", "expected a whole number in [1, 65535], got 90800");
    assertProblem(minimalWith("{name: grpc, port: 9090}", "{name: http, port: 9090}"),
        "services[1].ports[1].name", "port name http is used twice");
    assertProblem(minimalWith("{name: grpc, port: 9090}", "{port: 9090}"),
        "services[1].ports[1]", "missing required key \"name\"");
    assertProblem(minimalWith("- name: ratings\n", "- name: reviews\n"),
        "services[1].name", "service reviews is declared twice in namespace default");
    assertProblem(minimalWith("ports: [{name: http, port: 9080}]", "ports: []"),
        "services[0].ports", "needs at least 1 port, got 0");
  }

  @Test
  void targets() {
    assertProblem(minimalWith("target: reviews,", "target: reviews:9081,"),
        "load[0].target", "service reviews.default has no port 9081; its ports: 9080 (http)");
    assertProblem(minimalWith("target: reviews,", "target: ratings,"),
        "load[0].target", "service ratings.default has several ports (9080 (http), 9090 (grpc)); write the port,"
            + " e.g. ratings:9080");
    assertProblem(minimalWith("target: reviews,", "target: \"http://reviews/\","),
        "load[0].target", "expected host[:port] without scheme or path");
    assertProblem(minimalWith("target: reviews,", "target: \"reviews:http\","),
        "load[0].target", "invalid port \"http\" in target; expected 1 to 65535");
    assertProblem(minimalWith("target: reviews,", "target: reviews, path: reviews/1,"),
        "load[0].path", "expected a path starting with '/', got \"reviews/1\"");
  }

  @Test
  void callCyclesAreRejected() {
    String text = TestScenarios.MINIMAL
        .replace("{name: reviews-v2, labels: {app: reviews, version: v2}, serviceTime: 10ms}",
            "{name: reviews-v2, labels: {app: reviews, version: v2}, serviceTime: 10ms, calls: [{target: ratings:9080}]}")
        .replace("{name: ratings-v1, serviceTime: 1ms}", "{name: ratings-v1, serviceTime: 1ms, calls: [{target: reviews}]}");
    assertProblem(text, "services[1].deployments[0].calls[0].target",
        "call cycle reviews.default → ratings.default → reviews.default: every request would make calls forever");
  }

  @Test
  void arrivals() {
    assertProblem(minimalWith("{poisson: 10/s}", "{poisson: 10/s, constant: 5/s}"),
        "load[0].arrival", "an arrival needs exactly one of poisson");
    assertProblem(minimalWith("{poisson: 10/s}", "{poisson: 10/s, qps: 5}"),
        "load[0].arrival.qps", "qps goes with connections");
    assertProblem(minimalWith("{poisson: 10/s}", "{poisson: 0/s}"),
        "load[0].arrival.poisson", "the rate must be > 0");
    assertProblem(minimalWith("{poisson: 10/s}", "{poisson: 10/fortnight}"),
        "load[0].arrival.poisson", "unknown unit \"fortnight\" in rate \"10/fortnight\"");
    assertProblem(minimalWith("{poisson: 10/s}", "{connections: 0}"),
        "load[0].arrival.connections", "expected a whole number in [1, 100000], got 0");
    assertProblem(minimalWith("arrival: {poisson: 10/s}", "arrival: {poisson: 10/s}, requests: -1"),
        "load[0].requests", "expected a whole number >= 0, got -1");
  }

  @Test
  void topLevel() {
    assertProblem("dration: 10s\n" + TestScenarios.MINIMAL, "dration",
        "unknown key \"dration\"; did you mean \"duration\"? Allowed keys here: name, seed, duration, warmup, mesh,"
            + " services, istio, istioFiles, load, timeline, controlPlane, lifecycle, report, kubernetes,"
            + " kubernetesFiles, workloads, external, ingressGateway, egressGateway.");
    assertProblem(minimalWith("duration: 10s", "duration: 10s\nwarmup: 10s"), "warmup",
        "warmup (10s) must be shorter than duration (10s)");
    assertProblem(minimalWith("duration: 10s", "duration: 0s"), "duration", "duration must be > 0");
    assertProblem(minimalWith("duration: 10s", "duration: 10s\nseed: \"1\""), "seed",
        "expected a whole number, got the quoted string \"1\" (remove the quotes)");
    assertProblem(TestScenarios.MINIMAL + "---\nname: second\n", "document[1]",
        "a scenario file holds one YAML document");
    assertProblem("- a\n", "", "expected a mapping, got a list");
    assertProblem(minimalWith("load:\n  - {name: users, target: reviews, arrival: {poisson: 10/s}}\n", ""),
        "", "missing required key \"load\"");
    assertProblem(TestScenarios.MINIMAL + "mesh: {sidecar: {enable: false}}\n", "mesh.sidecar.enable",
        "unknown key \"enable\"; did you mean \"enabled\"?");
  }

  @Test
  void anEmptyFileSaysSo() {
    ScenarioException e = TestScenarios.error(tmp, "# nothing yet\n");
    assertTrue(e.getMessage().endsWith("s.yaml:1:1: the file is empty"), e.getMessage());
    assertEquals(1, e.line(), "positioned at the start, as every problem is");
  }
}
