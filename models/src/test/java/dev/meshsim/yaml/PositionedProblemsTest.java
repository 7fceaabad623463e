package dev.meshsim.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems that used to be reported without a position or in a library's words. */
class PositionedProblemsTest {
  @TempDir Path tmp;

  private static YamlException fails(String yaml) {
    return assertThrows(YamlException.class, () -> {
      YamlNode root = YamlReader.read(yaml, "f.yaml").get(0);
      root.asMap().required("a").asDouble(0, 1);
    });
  }

  @Test
  void nestingDeeperThan1000IsPositionedInMeshsimsWords() {
    YamlException e = fails("a: " + "[".repeat(1001) + "]".repeat(1001) + "\n");
    assertEquals(new Position("f.yaml", 1, 1003), e.position()); // the root mapping is level 1
    assertEquals("nested more than 1000 levels deep (meshsim's limit)", e.problem());
    assertTrue(e.path().startsWith("a[0][0]"), e.path());
    assertTrue(e.getMessage().length() < 300, "the 1000-level path is shortened: " + e.getMessage());
    assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
  }

  @Test
  void nanAndInfinityAreNumbersOutOfRangeAtTheirKey() {
    for (String v : new String[] {".nan", ".inf", "-.inf", ".NaN"}) {
      YamlException e = fails("a: " + v + "\n");
      assertEquals("a", e.path());
      assertEquals(new Position("f.yaml", 1, 4), e.position());
      assertEquals("expected a number in [0, 1], got " + v, e.problem());
    }
  }

  @Test
  void invalidUtf8IsPositionedAtTheBadByte() throws Exception {
    Path f = tmp.resolve("latin1.yaml");
    Files.write(f, "a: 1\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    YamlException e = assertThrows(YamlException.class, () -> new SourceFiles(ReadLimits.DEFAULT).read(f));
    assertEquals(new Position(f.toString(), 2, 10), e.position());
    assertEquals("the file is not valid UTF-8 (invalid byte 0xe9 at byte offset 14)", e.problem());
  }

  @Test
  void aFileThatIsNotYamlIsNotEchoed() throws Exception {
    Path f = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nsecret:x:1:1::/:/bin/sh\n");
    YamlException e = assertThrows(YamlException.class, () -> new SourceFiles(ReadLimits.DEFAULT).read(f).get(0).asMap());
    assertFalse(e.getMessage().contains("root"), e.getMessage());
    assertEquals("expected a mapping, got a document of plain text, not a mapping (is this a YAML file?)", e.problem());
    assertEquals(1, e.position().line());
  }

  @Test
  void aTenMegabyteLineIsRejectedAtOnce() {
    String line = "a: " + "x".repeat(10_000_000) + "\n";
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      YamlException e = assertThrows(YamlException.class, () -> YamlReader.read(line, "f.yaml"));
      assertEquals(new Position("f.yaml", 1, 1048577), e.position());
      assertEquals("line 1 is 10000003 characters long, over meshsim's limit of 1048576 characters per line", e.problem());
    });
  }
}
