package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad input of the issue gives one paragraph naming file, line, column and field path. The
 * expected messages are spelled out in full: they are the user interface.
 */
class BadInputTest {

  private static final String DIR = "src/test/resources/scenarios/bad/";

  @TempDir Path tmp;

  private static ScenarioException error(String file) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(Path.of(DIR + file)));
    assertFalse(e.getMessage().contains("\n"), "one paragraph: " + e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), "no Java in user messages: " + e.getMessage());
    return e;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "malformed.yaml            | 5 | 5  | ''",
    "unknown-key.yaml          | 7 | 9  | services[0].deployments[0].replcias",
    "negative-weight.yaml      | 19| 23 | istio[0].spec.http[0].route[1].weight",
    "parsecs.yaml              | 1 | 11 | duration",
    "missing-service-load.yaml | 9 | 13 | load[0].target",
    "missing-service-call.yaml | 9 | 22 | services[0].deployments[0].calls[0].target",
  })
  void everyBadInputIsPositioned(String file, int line, int column, String path) {
    ScenarioException e = error(file);
    assertEquals(DIR + file, e.file());
    assertEquals(line, e.line());
    assertEquals(column, e.column());
    assertEquals(path, e.path());
    String prefix = DIR + file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ");
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }

  @Test
  void messagesReadWell() {
    assertEquals(DIR + "malformed.yaml:5:5: malformed YAML: expected ',' or ']', but got <scalar>"
        + " (while parsing a flow sequence that started at line 4, column 12)", error("malformed.yaml").getMessage());
    assertEquals(DIR + "unknown-key.yaml:7:9: services[0].deployments[0].replcias: unknown key \"replcias\";"
        + " did you mean \"replicas\"? Allowed keys here: name, labels, locality, replicas, workers, serviceTime,"
        + " errorRate, errorCode, refuseConnections, resetRate, slowdown, calls, propagate, listenAddress, sidecar.", error("unknown-key.yaml").getMessage());
    assertEquals(DIR + "negative-weight.yaml:19:23: istio[0].spec.http[0].route[1].weight:"
        + " expected a whole number >= 0, got -10", error("negative-weight.yaml").getMessage());
    assertEquals(DIR + "parsecs.yaml:1:11: duration: unknown unit \"parsecs\" in duration \"10parsecs\";"
        + " valid units are ns, us (or µs), ms, s, m, h", error("parsecs.yaml").getMessage());
    assertEquals(DIR + "missing-service-load.yaml:9:13: load[0].target: no service \"reviewz\" in this scenario"
        + " (from namespace default it resolves to reviewz.default.svc.cluster.local); did you mean \"reviews\"?"
        + " Services: reviews.default.", error("missing-service-load.yaml").getMessage());
    assertEquals(DIR + "missing-service-call.yaml:9:22: services[0].deployments[0].calls[0].target:"
        + " no service \"ratings\" in this scenario (from namespace default it resolves to"
        + " ratings.default.svc.cluster.local). Services: reviews.default.",
        error("missing-service-call.yaml").getMessage());
  }

  @Test
  void aMissingFileNamesTheFile() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(Path.of(DIR + "nope.yaml")));
    assertEquals(DIR + "nope.yaml: no such file", e.getMessage());
  }

  @Test
  void aMissingIstioFileIsReportedAtItsEntry() {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istioFiles: [gone.yaml]\n");
    assertEquals("istioFiles[0]", e.path());
    assertTrue(e.problem().endsWith("gone.yaml: no such file"), e.getMessage());
  }

  @Test
  void aProblemInsideAnIstioFileIsReportedThere() {
    TestScenarios.write(tmp, "vs.yaml", """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews}
        spec: {host: reviews}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec:
          hosts: [reviews]
          http:
            - route:
                - {destination: {host: reviews}, weight: 10}
                - {destination: {host: reviews}, wieght: 10}
        """);
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istioFiles: [vs.yaml]\n");
    assertTrue(e.file().endsWith("vs.yaml"), e.getMessage());
    assertEquals(14, e.line());
    assertEquals("document[1].spec.http[0].route[1].wieght", e.path());
    assertTrue(e.problem().contains("did you mean \"weight\"?"), e.getMessage());
  }
}
