package dev.meshsim.hostile;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs an audit found that hung, ran out of memory, crashed or answered in Java's words: side
 * files of inspect, snapshot counts, duration bounds outside {@code run}, manifest replicas, a
 * control character deep in a file, a missing scenario named by a key.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AuditedInputsTest {
  @TempDir Path tmp;

  private Path scenario() throws Exception {
    return TinyScenario.write(tmp, "2s", "");
  }

  private Path snapshotDir() throws Exception {
    Path dir = tmp.resolve("snap");
    assertEquals(0, meshsim("run", scenario().toString(), "--inspect-at", "1s", "--inspect-dir", dir.toString()).exit());
    return dir;
  }

  private static void assertBadInput(Outcome o, String expected) {
    assertEquals(2, o.exit(), o.printed());
    assertTrue(o.err().contains(expected), "expected '" + expected + "' in: " + o.err());
    assertEquals(1, o.err().strip().lines().count(), "one paragraph: " + o.err());
    assertFalse(o.err().contains("\tat ") || o.err().contains("Exception") || o.err().contains("dev.meshsim."),
        "no Java internals: " + o.err());
  }

  private static void mkfifo(Path p) throws Exception {
    assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
  }

  @Test
  void inspectReadsOnlyRegularFilesThroughTheGuardedReader() throws Exception {
    Path dir = snapshotDir();
    assertBadInput(meshsim("inspect", dir.toString(), "compare", "l", "/dev/zero"), "/dev/zero: is not a regular file");
    Path fifo = tmp.resolve("real.fifo");
    mkfifo(fifo);
    assertBadInput(meshsim("inspect", dir.toString(), "compare", "l", fifo.toString()), "is not a regular file");
    Files.delete(dir.resolve("snapshot-1.json"));
    assertBadInput(meshsim("inspect", dir.toString(), "proxy-status"), "snapshot-1.json: no such file");
    mkfifo(dir.resolve("snapshot-1.json"));
    assertBadInput(meshsim("inspect", dir.toString(), "proxy-status"), "snapshot-1.json: is not a regular file");
  }

  @Test
  void anIndexEntryCannotNameAFileOutsideTheSnapshotDirectory() throws Exception {
    Path dir = snapshotDir();
    Path index = dir.resolve("meshsim-inspect.json");
    String text = Files.readString(index);
    for (String file : new String[] {"/etc/passwd", "/dev/zero", "../s.yaml"}) {
      Files.writeString(index, text.replace("\"snapshot-1.json\"", "\"" + file + "\""));
      Outcome o = meshsim("inspect", dir.toString(), "proxy-status");
      assertBadInput(o, "a snapshot's \"file\" must be a snapshot-N.json in the directory itself");
      assertFalse(o.err().contains("root"), o.err());
    }
    Files.writeString(index, text.replaceFirst("\"snapshots\" : \\[[^\\]]*\\]", "\"snapshots\" : null"));
    assertBadInput(meshsim("inspect", dir.toString(), "proxy-status"), "not a meshsim snapshot");
  }

  @Test
  void snapshotsAreBoundedWithTheNumbersInTheMessage() throws Exception {
    Outcome o = meshsim("run", scenario().toString(), "--inspect-at", "every:1ns", "--inspect-dir",
        tmp.resolve("ix5").toString());
    assertBadInput(o, "--inspect-at every:1ns: the run of 2s would take 2000000000 snapshots, over meshsim's limit"
        + " of 1000; a step of 2ms or more fits");
    assertFalse(Files.exists(tmp.resolve("ix5")), "refused before anything was written");
  }

  @Test
  void theDurationBoundHoldsForDiffAndCheck() throws Exception {
    Path s = scenario();
    assertBadInput(meshsim("diff", s.toString(), s.toString(), "--duration", "2562047h"),
        "--duration 2562047h: must be > 0 and at most 720h");
    assertBadInput(meshsim("analyze", s.toString(), "--impact-duration", "2562047h"),
        "--impact-duration 2562047h: must be > 0 and at most 720h");
    assertBadInput(meshsim("analyze", s.toString(), "--impact-duration", "0s"),
        "--impact-duration 0s: must be > 0 and at most 720h");
    for (String d : new String[] {"800h", "0s"}) {
      Path tests = tmp.resolve("t.yaml");
      Files.writeString(tests, """
          scenario: s.yaml
          tests:
            - test_name: t
              input: {authority: "server:8080", path: /, method: GET, source: l}
              validate: {cluster_name: "outbound|8080||server.default.svc.cluster.local"}
              simulate: {duration: %s, expect: {codes: {"200": ">= 99%%"}}}
          """.formatted(d));
      assertBadInput(meshsim("check", tests.toString()), "t.yaml:6:26: tests[0].simulate.duration: must be > 0 and"
          + " at most 720h");
    }
  }

  @Test
  void manifestReplicasOverTheLimitArePositionedAtTheManifest() throws Exception {
    Path manifests = tmp.resolve("m.yaml");
    String bookinfo = Files.readString(Path.of("scenarios/bookinfo/bookinfo.yaml"));
    Files.writeString(manifests, bookinfo.replaceFirst("replicas: 1", "replicas: 10001"));
    Path s = tmp.resolve("scenario.yaml");
    Files.writeString(s, Files.readString(Path.of("scenarios/bookinfo/scenario-bookinfo.yaml"))
        .replace("kubernetesFiles: [bookinfo.yaml]", "kubernetesFiles: [m.yaml]"));
    int line = (int) bookinfo.substring(0, bookinfo.indexOf("replicas: 1")).lines().count();
    assertBadInput(meshsim("run", s.toString()), "m.yaml:" + line + ":13: document[2].spec.replicas: expected a whole number in"
        + " [0, 10000]");
    Files.writeString(manifests, bookinfo.replaceFirst("replicas: 1", "replicas: 9999")
        .replaceFirst("(?s)(replicas: 1.*?)replicas: 1", "$1replicas: 9999"));
    assertBadInput(meshsim("run", s.toString()), "kubernetesFiles: the Deployments have");
  }

  @Test
  void aControlCharacterIsReportedWhereItIs() throws Exception {
    Path s = scenario();
    String text = Files.readString(s) + "# a comment with a bell \u0007 in it\n";
    Files.writeString(s, text);
    assertBadInput(meshsim("run", s.toString()), "s.yaml:7:25: the character U+0007 is not allowed in YAML");
  }

  @Test
  void checkSaysWhichKeyNamedAMissingScenarioAndAnEmptyFileIsPositioned() throws Exception {
    Path tests = tmp.resolve("t.yaml");
    Files.writeString(tests, "scenario: ../nosuch.yaml\ntests: []\n");
    assertBadInput(meshsim("check", tests.toString()), "t.yaml:1:11: scenario: no such file");
    Path empty = Files.writeString(tmp.resolve("empty.yaml"), "# nothing\n");
    assertBadInput(meshsim("run", empty.toString()), "empty.yaml:1:1: the file is empty");
  }

  @Test
  void checkPrintsTestNamesThroughSafeText() throws Exception {
    scenario();
    Path tests = tmp.resolve("t.yaml");
    Files.writeString(tests, """
        scenario: s.yaml
        tests:
          - test_name: "a\\u202eb\\u2028c\\U000E0001d\\e[2J"
            input: {authority: "server:8080", path: /, method: GET, source: l}
            validate: {cluster_name: "outbound|8080||server.default.svc.cluster.local"}
        """);
    Outcome o = meshsim("check", tests.toString(), "--details");
    assertEquals(0, o.exit(), o.printed());
    assertTrue(o.out().contains("a\\u202eb\\u2028c\\U000e0001d\\e[2J"), o.out());
    assertTrue(o.printed().codePoints().noneMatch(c -> c == 0x202e || c == 0x2028 || c == 0xe0001 || c == 0x1b),
        "nothing raw: " + o.printed());
  }

  @Test
  void analyzeEscapesTheScenarioNameWhenThereIsNothingToReport() throws Exception {
    Path s = scenario();
    Files.writeString(s, "name: \"x\\e[2Jy\\u202ez\"\n" + Files.readString(s));
    for (String format : new String[] {"text", "json", "yaml"}) {
      Outcome o = meshsim("analyze", s.toString(), "--no-impact", "-o", format);
      assertEquals(0, o.exit(), o.printed());
      assertTrue(o.printed().codePoints().noneMatch(c -> c == 0x1b || c == 0x202e), format + ": " + o.printed());
    }
  }

  @Test
  void anOverloadedOpenLoopStopsCleanlyWithTheBound() throws Exception {
    Path s = tmp.resolve("over.yaml");
    Files.writeString(s, """
        duration: 30s
        mesh: {sidecar: {enabled: false}}
        services:
          - name: server
            ports: [{name: http, port: 8080}]
            deployments: [{name: server, workers: 1, serviceTime: 1ms}]
        load: [{name: flood, target: server:8080, arrival: {constant: 1000000/s}}]
        """);
    Outcome o = meshsim("run", s.toString());
    assertBadInput(o, "requests were in flight, over meshsim's limit of 2097152 (2^21); the load (flood 1000000/s)");
    assertTrue(o.err().contains("the run stopped at 2.1s of simulated time"), o.err());
  }

  @Test
  void anExponentialCallFanOutIsRefusedAtLoadTime() throws Exception {
    StringBuilder y = new StringBuilder("duration: 2s\nservices:\n");
    for (int i = 0; i < 20; i++) {
      y.append("  - name: s").append(i).append("\n    ports: [{name: http, port: 80}]\n    deployments:\n")
          .append("      - name: s").append(i).append("\n        serviceTime: 1ms\n");
      if (i < 19) {
        y.append("        calls: [{parallel: [{target: s").append(i + 1).append(":80}, {target: s").append(i + 1)
            .append(":80}]}]\n");
      }
    }
    y.append("load: [{name: l, target: s0:80, arrival: {poisson: 1/s}}]\n");
    Path s = Files.writeString(tmp.resolve("fan.yaml"), y.toString());
    assertBadInput(meshsim("run", s.toString()), "fan.yaml:8:38: services[0].deployments[0].calls[0].parallel[0].target:"
        + " one request to s0.default would make 1048574 calls through its call graph");
  }
}
