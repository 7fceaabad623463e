package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.istio.StringMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small inputs that used to hang: backtracking regexes, FIFOs, absurd counts. */
class HangTest {
  @TempDir Path tmp;

  private static String vsWithRegex(String re) {
    return TestScenarios.MINIMAL + """
        istio:
          - apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              hosts: [reviews]
              http:
                - match: [{headers: {x-user: {regex: '%s'}}}]
                  route: [{destination: {host: reviews}}]
        """.formatted(re);
  }

  @Test
  void nestedStarsMatchInLinearTime() throws Exception {
    LoadedScenario s = TestScenarios.load(tmp, vsWithRegex("(.*a){20}(x+x+)+y"));
    StringMatch m = s.scenario().istio().virtualServices().get(0).http().get(0).match().get(0).headers().get("x-user");
    String hostile = "a".repeat(40) + "x".repeat(40); // exponential for java.util.regex
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertEquals(false, m.matches(hostile, false)));
    assertTrue(m.matches("a".repeat(20) + "xxy", false));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "(a{1000}){1000}  | nested repeat counts multiply to more than 1000",
    "((a{10}){10}){11}| nested repeat counts multiply to more than 1000",
    "a{1001}          | invalid repeat count",
    "(?=x)y           | a lookaround assertion",
    "(a)\\1           | a backreference",
    "(x{1000}y{1000}){30} | nested repeat counts multiply",
  })
  void regexesRe2RejectsAreRejected(String re, String expected) {
    ScenarioException e = TestScenarios.error(tmp, vsWithRegex(re));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.path().endsWith("headers.x-user.regex"), e.path());
  }

  @Test
  void programsOverIstiosLimitAreRejectedAndOverEnvoysDefaultWarned() throws Exception {
    ScenarioException e = TestScenarios.error(tmp, vsWithRegex("x{1000}".repeat(33)));
    assertTrue(e.getMessage().contains("over the 32768 Istio's sidecars allow"), e.getMessage());
    LoadedScenario ok = TestScenarios.load(tmp, vsWithRegex("x{200}"));
    assertTrue(ok.warnings().stream().anyMatch(w -> w.contains("over Envoy's default limit of 100")), ok.warnings().toString());
  }

  @Test
  void aFifoIsRefusedBeforeItIsOpened() throws Exception {
    Path fifo = tmp.resolve("pipe.yaml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, p.waitFor());
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      ScenarioException asScenario = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
          () -> ScenarioLoader.load(fifo));
      assertTrue(asScenario.getMessage().endsWith("pipe.yaml: is not a regular file (a FIFO, socket or device);"
          + " meshsim reads only regular files"), asScenario.getMessage());
      ScenarioException asIstioFile = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istioFiles: [pipe.yaml]\n");
      assertEquals("istioFiles[0]", asIstioFile.path());
      ScenarioException asApply = TestScenarios.error(tmp, TestScenarios.MINIMAL + "timeline: [{at: 1s, apply: pipe.yaml}]\n");
      assertEquals("timeline[0].apply", asApply.path());
      assertTrue(asApply.getMessage().contains("not a regular file"), asApply.getMessage());
    });
  }

  @Test
  void devZeroAndDirectoriesAreRefused() throws IOException {
    Files.createSymbolicLink(tmp.resolve("zero.yaml"), Path.of("/dev/zero"));
    ScenarioException zero = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istioFiles: [zero.yaml]\n");
    assertTrue(zero.getMessage().contains("not a regular file"), zero.getMessage());
    Files.createDirectory(tmp.resolve("dir.yaml"));
    ScenarioException dir = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istioFiles: [dir.yaml]\n");
    assertTrue(dir.getMessage().endsWith("is a directory, not a file"), dir.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "replicas: 1000000000     | services[0].deployments[0].replicas | in [0, 10000]",
    "workers: 1000000000      | services[0].deployments[0].workers  | in [1, 100000]",
    "slowdown: 1e300          | services[0].deployments[0].slowdown | in [0.001, 1000]",
  })
  void absurdDeploymentCountsAreRejectedWithTheBound(String line, String path, String bound) {
    String text = TestScenarios.MINIMAL.replace("{name: ratings-v1, serviceTime: 1ms}", "{name: ratings-v1, serviceTime: 1ms}")
        .replace("- {name: reviews-v1, labels: {app: reviews, version: v1}, serviceTime: 10ms}",
            "- {name: reviews-v1, labels: {app: reviews, version: v1}, serviceTime: 10ms, " + line + "}");
    ScenarioException e = TestScenarios.error(tmp, text);
    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains(bound), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "mesh: {sidecar: {concurrency: 100000000}} | mesh.sidecar.concurrency | in [1, 256]",
    "duration: 100000h                          | duration                 | at most 720h",
  })
  void absurdMeshSettingsAreRejectedWithTheBound(String block, String path, String bound) {
    String text = block.startsWith("duration") ? TestScenarios.MINIMAL.replace("duration: 10s", block)
        : TestScenarios.MINIMAL + block + "\n";
    ScenarioException e = TestScenarios.error(tmp, text);
    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains(bound), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{poisson: 1000000000000/s}    | load[0].arrival.poisson     | at most 1000000/s",
    "{constant: 1000000000000/s}   | load[0].arrival.constant    | at most 1000000/s",
    "{connections: 1000000000}     | load[0].arrival.connections | in [1, 100000]",
  })
  void absurdArrivalsAreRejectedWithTheBound(String arrival, String path, String bound) {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL.replace("{poisson: 10/s}", arrival));
    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains(bound), e.getMessage());
  }

  @Test
  void tooManyPodsInAllOrTooManySidecarWorkersAreRejected() {
    String many = TestScenarios.MINIMAL.replace("serviceTime: 1ms}", "serviceTime: 1ms, replicas: 6000}")
        .replace("version: v2}, serviceTime: 10ms}", "version: v2}, serviceTime: 10ms, replicas: 6000}");
    assertTrue(TestScenarios.error(tmp, many).getMessage().contains("12001 replicas in all, over meshsim's limit of 10000"));
    String workers = TestScenarios.MINIMAL.replace("serviceTime: 1ms}", "serviceTime: 1ms, replicas: 2000}")
        + "mesh: {sidecar: {concurrency: 64}}\n";
    assertTrue(TestScenarios.error(tmp, workers).getMessage().contains("over meshsim's limit of 100000"));
  }

  @Test
  void textThatBacktrackedQuadraticallyIsParsedInLinearTime() {
    String digits = "9".repeat(500_000);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      ScenarioException d = TestScenarios.error(tmp, TestScenarios.MINIMAL.replace("duration: 10s",
          "duration: " + digits + "..s"));
      assertEquals("duration", d.path());
      ScenarioException r = TestScenarios.error(tmp, vsWithRegex("{".repeat(200_000) + "}"));
      assertTrue(r.path().endsWith("regex"), r.getMessage());
    });
  }
}
