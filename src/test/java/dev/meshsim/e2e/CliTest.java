package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as a user meets it: exit codes, one-paragraph errors, outputs that are safe. */
class CliTest {
  @TempDir Path tmp;



  @ParameterizedTest
  @CsvSource({
    "malformed,        malformed.yaml:6:",
    "unknown-key,      unknown-key.yaml:9:9: services[0].deployments[0].servceTime",
    "negative-weight,  negative-weight.yaml:16:48: istio[0].spec.http[0].route[1].weight",
    "bad-duration,     bad-duration.yaml:2:11: duration",
    "missing-service,  missing-service.yaml:9:13: load[0].target",
    "bad-target-port,  bad-target-port-manifest.yaml:11:17: document[0].spec.ports[0].targetPort: targetPort",
    "unknown-workload, unknown-workload.yaml:5:3: workloads.web-v2: no manifest defines a workload \"web-v2\";"
        + " did you mean \"web-v1\"?",
  })
  void badInputIsOneParagraphWithPositionAndExitCode2(String name, String expected) {
    Outcome o = meshsim("run", "src/test/resources/bad/" + name + ".yaml");
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains(expected), "expected '" + expected + "' in: " + o.err());
    assertEquals(1, o.err().strip().lines().count(), "one paragraph: " + o.err());
    assertFalse(o.err().contains("\tat "), "no stack trace without --verbose");
    assertEquals("", o.out());
  }

  @Test
  void verboseAddsTheStackTrace() {
    Outcome o = meshsim("run", "--verbose", "src/test/resources/bad/bad-duration.yaml");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("\tat "), o.err());
  }

  @Test
  void runPrintsTheSummaryAndWritesJson() throws Exception {
    Path json = tmp.resolve("out.json");
    Outcome o = meshsim("run", "scenarios/reviews-canary.yaml", "--duration", "10s", "--json", json.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("outbound|9080|v1|reviews.default.svc.cluster.local"), o.out());
    String written = Files.readString(json);
    assertTrue(written.contains("\"requests\""), written);
    assertTrue(written.contains("\"durationSeconds\" : 10.000"), written);
  }

  @Test
  void seedOverrideChangesTheOutput() {
    String a = meshsim("run", "scenarios/reviews-canary.yaml", "--duration", "10s").out();
    String b = meshsim("run", "scenarios/reviews-canary.yaml", "--duration", "10s", "--seed", "5").out();
    assertFalse(a.equals(b));
    assertTrue(b.contains("seed 5"), b);
  }

  @Test
  void refusesToOverwriteAFileItDidNotWrite() throws Exception {
    Path mine = tmp.resolve("notes.json");
    Files.writeString(mine, "my notes");
    Outcome o = meshsim("run", "scenarios/reviews-canary.yaml", "--duration", "10s", "--json", mine.toString());
    assertEquals(2, o.exit());
    assertEquals("my notes", Files.readString(mine), "the user's file is untouched");
  }

  @Test
  void refusesToWriteOverTheScenario() throws Exception {
    Path copy = tmp.resolve("s.yaml");
    Files.copy(Path.of("src/test/resources/scenarios/mm1.yaml"), copy);
    byte[] before = Files.readAllBytes(copy);
    Outcome o = meshsim("run", copy.toString(), "--duration", "30s", "--json", copy.toString());
    assertEquals(2, o.exit());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(copy)));
  }

  @Test
  void badDurationOverrideIsBadInput() {
    Outcome o = meshsim("run", "scenarios/reviews-canary.yaml", "--duration", "soon");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("--duration"), o.err());
  }
}
