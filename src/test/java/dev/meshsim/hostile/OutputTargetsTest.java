package dev.meshsim.hostile;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs that would have destroyed a file: a merge's own shard file as its {@code --json}, a
 * directory that merely holds a file named like meshsim's index, two outputs at one path through
 * {@code --inspect-dir}, a symbolic link, and plan options a mode silently ignored.
 */
class OutputTargetsTest {
  private static final String MM1 = "src/test/resources/scenarios/plan-mm1.yaml";

  @TempDir Path tmp;

  private Path scenario() throws Exception {
    return TinyScenario.write(tmp, "2s", "");
  }

  private Path shard() {
    Path part = tmp.resolve("part-0.json");
    Outcome o = meshsim("plan", "sweep", MM1, "--set", "load[0].arrival.poisson=100/s,200/s", "--duration", "2s",
        "--max-reps", "2", "--min-reps", "2", "--shard", "0/1", "--partial", part.toString());
    assertEquals(0, o.exit(), o.err());
    return part;
  }

  private static void assertRefused(Outcome o, String expected) {
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains(expected), "expected '" + expected + "' in: " + o.err());
    assertFalse(o.err().contains("\tat "), "no stack trace");
  }

  @Test
  void mergeNeverWritesOverOneOfItsShardFiles() throws Exception {
    Path part = shard();
    byte[] before = Files.readAllBytes(part);
    assertRefused(meshsim("merge", part.toString(), "--json", part.toString()), "is an input of this run");
    assertRefused(meshsim("merge", part.toString(), "--html", part.toString()), "is an input of this run");
    assertArrayEquals(before, Files.readAllBytes(part));
    assertEquals(0, meshsim("merge", part.toString(), "--json", tmp.resolve("plan.json").toString()).exit());
  }

  @Test
  void aDirectoryWithAFileNamedLikeTheIndexIsNotASnapshotDirectory() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("ua"));
    Files.writeString(dir.resolve("meshsim-inspect.json"), "my precious notes\n");
    Files.writeString(dir.resolve("snapshot-1.json"), "my thesis\n");
    Outcome o = meshsim("run", scenario().toString(), "--inspect-at", "1s", "--inspect-dir", dir.toString());
    assertRefused(o, "was not written by meshsim; refusing to overwrite it");
    assertEquals("my precious notes\n", Files.readString(dir.resolve("meshsim-inspect.json")));
    assertEquals("my thesis\n", Files.readString(dir.resolve("snapshot-1.json")));
  }

  @Test
  void aUserFileNamedLikeASnapshotInAMeshsimDirectoryIsKept() throws Exception {
    Path dir = tmp.resolve("snap");
    assertEquals(0, meshsim("run", scenario().toString(), "--inspect-at", "1s", "--inspect-dir", dir.toString()).exit());
    Files.writeString(dir.resolve("snapshot-7.json"), "my thesis\n");
    assertRefused(meshsim("run", scenario().toString(), "--inspect-at", "1s", "--inspect-dir", dir.toString()),
        "snapshot-7.json: exists and was not written by meshsim");
    assertEquals("my thesis\n", Files.readString(dir.resolve("snapshot-7.json")));
    Files.delete(dir.resolve("snapshot-7.json"));
    assertEquals(0, meshsim("run", scenario().toString(), "--inspect-at", "1s", "--inspect-dir", dir.toString()).exit(),
        "meshsim's own snapshot directory is rewritten");
  }

  @Test
  void anOutputInsideTheInspectDirIsTwoOutputsAtOnePath() throws Exception {
    Path dir = tmp.resolve("ix");
    Outcome o = meshsim("run", scenario().toString(), "--inspect-at", "1s", "--inspect-dir", dir.toString(),
        "--json", dir.resolve("snapshot-1.json").toString());
    assertRefused(o, "--inspect-dir " + dir + " writes this file too");
    assertFalse(Files.exists(dir.resolve("snapshot-1.json")));
  }

  @Test
  void aSymlinkToAnEarlierOutputIsWrittenThroughNotReplaced() throws Exception {
    Path real = tmp.resolve("real.json");
    assertEquals(0, meshsim("run", scenario().toString(), "--json", real.toString()).exit());
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), real.getFileName());
    Outcome o = meshsim("run", scenario().toString(), "--seed", "9", "--json", link.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertTrue(Files.readString(real).contains("\"seed\" : 9"), "the file it names holds the new result");
  }

  @Test
  void aDanglingSymlinkIsRefusedInWords() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("l3.json"), Path.of("nowhere.json"));
    Outcome o = meshsim("run", scenario().toString(), "--json", link.toString());
    assertRefused(o, "is a symbolic link to nowhere.json, which does not exist");
    assertFalse(o.err().contains("Exception"), o.err());
  }

  @Test
  void planOptionsThatTheModeIgnoresAreRefused() {
    String p = tmp.resolve("p.json").toString();
    String[] base = {"plan", "sweep", MM1, "--set", "load[0].arrival.poisson=100/s,200/s", "--duration", "2s"};
    assertRefused(meshsim(concat(base, "--shard", "0/2", "--partial", p, "--json", p)),
        "--json: --shard writes only its --partial file");
    assertRefused(meshsim(concat(base, "--emit-job", p, "--image", "x", "--json", tmp.resolve("q").toString())),
        "--json: --emit-job writes only the Job manifest");
    assertRefused(meshsim(concat(base, "--partial", p)), "--partial: is used only with --shard");
    assertRefused(meshsim(concat(base, "--image", "x")), "--image: is used only with --emit-job");
    assertRefused(meshsim(concat(base, "--shards", "3")), "--shards: is used only with --emit-job");
    assertFalse(Files.exists(Path.of(p)));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
