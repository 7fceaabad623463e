package dev.meshsim.hostile;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No output ever replaces an input of the run or a file meshsim did not write. */
class OutputSafetyTest {
  @TempDir Path tmp;

  /** A JSON DestinationRule whose annotations hold the words the old check looked for. */
  private static final String JSON_RULE = """
      {"apiVersion": "networking.istio.io/v1", "kind": "DestinationRule",
       "metadata": {"name": "server", "annotations": {"scenario": "x", "latencyMs": "y"}},
       "spec": {"host": "server"}}
      """;

  private Path scenario(String extra) throws Exception {
    return TinyScenario.write(tmp, "1s", extra);
  }

  private void assertRefused(Path scenario, Path target) throws Exception {
    byte[] before = Files.readAllBytes(target);
    Outcome o = meshsim("run", scenario.toString(), "--json", target.toString());
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("refusing to overwrite"), o.err());
    assertArrayEquals(before, Files.readAllBytes(target), "the file is untouched");
    assertEquals("", o.out(), "refused before the run, so no summary");
  }

  @Test
  void anIstioFileIsNeverOverwrittenWhateverItSays() throws Exception {
    Files.writeString(tmp.resolve("dr.json"), JSON_RULE);
    assertRefused(scenario("istioFiles: [dr.json]\n"), tmp.resolve("dr.json"));
  }

  @Test
  void aTimelineApplyFileIsNeverOverwritten() throws Exception {
    Files.writeString(tmp.resolve("apply.json"), JSON_RULE);
    assertRefused(scenario("timeline: [{at: 0.5s, apply: apply.json}]\n"), tmp.resolve("apply.json"));
  }

  @Test
  void aSymlinkOrHardLinkToAnInputIsTheInput() throws Exception {
    Path s = scenario("");
    Files.createSymbolicLink(tmp.resolve("link.json"), s);
    assertRefused(s, tmp.resolve("link.json"));
    Files.createLink(tmp.resolve("hard.json"), s);
    assertRefused(s, tmp.resolve("hard.json"));
  }

  @Test
  void aFileWithoutMeshsimsMarkIsNotReplaced() throws Exception {
    Path old = tmp.resolve("old.json");
    Files.writeString(old, "{\"scenario\": \"x\", \"latencyMs\": {}}\n");
    assertRefused(scenario(""), old);
  }

  @Test
  void meshsimsOwnOutputIsReplacedAndCarriesTheMark() throws Exception {
    Path s = scenario("");
    Path json = tmp.resolve("out.json");
    assertEquals(0, meshsim("run", s.toString(), "--json", json.toString()).exit());
    String first = Files.readString(json);
    assertTrue(first.startsWith("{\"meshsim\": \"meshsim output; meshsim may replace this file\",\n"), first);
    assertEquals(0, meshsim("run", s.toString(), "--json", json.toString(), "--seed", "9").exit());
    assertTrue(Files.readString(json).contains("\"seed\" : 9"), "replaced");
  }

  @Test
  void outputsThatCannotBeCreatedFailBeforeTheRun() throws Exception {
    Path s = scenario("");
    Path file = Files.writeString(tmp.resolve("file"), "x");
    for (String target : new String[] {file.resolve("out.json").toString(), "/proc/meshsim-out.json",
        tmp.toString()}) {
      Outcome o = meshsim("run", s.toString(), "--json", target);
      assertEquals(2, o.exit(), target + ": " + o.err());
      assertEquals("", o.out(), "no simulation for " + target);
      assertTrue(o.err().startsWith("meshsim: " + target + ": "), o.err());
    }
  }

  @Test
  void aFifoAsTheJsonTargetIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = tmp.resolve("out.json");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
      Outcome o = meshsim("run", scenario("").toString(), "--json", fifo.toString());
      assertEquals(2, o.exit(), o.err());
      assertTrue(o.err().contains("is not a regular file"), o.err());
    });
  }

  @Test
  void aHugeFileIsJudgedByItsFirstBytes() throws Exception {
    Path huge = tmp.resolve("huge.json");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse
    }
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
      Outcome o = meshsim("run", scenario("").toString(), "--json", huge.toString());
      assertEquals(2, o.exit(), o.err());
      assertTrue(o.err().contains("was not written by meshsim"), o.err());
    });
  }

  @Test
  void aDurationOverrideThatWouldNeedTooManyBucketsIsBadInput() throws Exception {
    Outcome o = meshsim("run", scenario("report: {bucket: 1ms}\ntimeline: [{at: 0.5s, kill: {deployment: server}}]\n").toString(), "--duration", "10h");
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("--duration 10h: report.bucket 1ms gives 36000000 buckets"), o.err());
  }
}
