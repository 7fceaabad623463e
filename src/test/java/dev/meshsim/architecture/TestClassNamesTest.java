package dev.meshsim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test class of every module is one surefire runs. Surefire picks classes by file name (the
 * {@code <include>} patterns in the root pom); a jqwik class named {@code *Properties} compiled and
 * passed nothing for months before the pattern was added. This reads the patterns from the pom, so
 * it fails when a test file's name escapes them.
 */
class TestClassNamesTest {
  private static final Pattern INCLUDE = Pattern.compile("<include>\\*\\*/([^<]+)\\.java</include>");
  private static final Pattern ANNOTATION =
      Pattern.compile("^\\s*@(Test|Property|Example|ParameterizedTest|TestFactory|RepeatedTest)\\b", Pattern.MULTILINE);

  @Test
  void surefireRunsEveryClassThatHoldsTests() throws IOException {
    List<Pattern> names = includes(Files.readString(Path.of("pom.xml")));
    assertFalse(names.isEmpty(), "no <include> in the root pom's surefire configuration");
    List<Path> testClasses;
    try (Stream<Path> files = Files.walk(Path.of("."))) {
      testClasses = files.filter(p -> p.toString().replace('\\', '/').contains("/src/test/java/"))
          .filter(p -> p.toString().endsWith(".java"))
          .filter(TestClassNamesTest::holdsTests)
          .toList();
    }
    assertTrue(testClasses.size() > 100, "test classes found: " + testClasses.size());
    TreeSet<String> skipped = new TreeSet<>();
    testClasses.stream().filter(p -> names.stream().noneMatch(n -> n.matcher(simpleName(p)).matches()))
        .forEach(p -> skipped.add(p.toString()));
    assertEquals(new TreeSet<String>(), skipped, "test classes surefire would not run; rename them or add a pattern");
  }

  @Test
  void theIncludePatternsReadAsSurefireMeansThem() {
    List<Pattern> names = includes("<include>**/*Properties.java</include><include>**/Test*.java</include>");
    assertEquals(2, names.size());
    assertFalse(names.get(0).matcher("PropertiesOfX").matches());
    assertFalse(names.get(1).matcher("ATest").matches());
  }

  private static List<Pattern> includes(String pom) {
    Matcher m = INCLUDE.matcher(pom);
    List<Pattern> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(Pattern.compile(Pattern.quote(m.group(1)).replace("*", "\\E.*\\Q")));
    }
    return out;
  }

  private static boolean holdsTests(Path file) {
    try {
      return ANNOTATION.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String simpleName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".java".length());
  }
}
