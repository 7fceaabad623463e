package dev.meshsim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reports read a run's result records and nothing else of meshsim: their sources name no
 * {@code dev.meshsim} type outside {@code report}, {@code result} and {@code text}, and their build
 * depends on no meshsim module but {@code results} (the model only for the tests, which run
 * simulations to have something to report). Read from the sources and the pom, so a new import of
 * the model fails here rather than in a review.
 */
class ReportsReadResultsOnlyTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.meshsim((?:\\.[a-z]\\w*)+)\\.[A-Z]");
  private static final Pattern ALLOWED = Pattern.compile("dev\\.meshsim\\.(report(\\..*)?|result|text)");

  @Test
  void theSourcesNameOnlyReportResultAndTextTypes() throws IOException {
    Set<String> named = new TreeSet<>();
    List<String> outside = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = REFERENCE.matcher(Files.readString(f));
        while (m.find()) {
          String pkg = "dev.meshsim" + m.group(1);
          named.add(pkg);
          if (!ALLOWED.matcher(pkg).matches()) {
            outside.add(SOURCES.relativize(f) + " names a type of " + pkg);
          }
        }
      }
    }
    assertTrue(named.contains("dev.meshsim.result"), "sources found: " + named);
    assertEquals(List.of(), outside);
  }

  @Test
  void theBuildDependsOnTheResultsModuleAloneOutsideTheTests() throws Exception {
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile()).getDocumentElement();
    Set<String> meshsimCompile = new TreeSet<>();
    Set<String> meshsimTest = new TreeSet<>();
    NodeList dependencies = project.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      if (text(d, "groupId").equals("dev.meshsim")) {
        (text(d, "scope").equals("test") ? meshsimTest : meshsimCompile).add(text(d, "artifactId"));
      }
    }
    assertEquals(Set.of("results"), meshsimCompile);
    assertEquals(Set.of("models"), meshsimTest);
  }

  private static String text(Element e, String tag) {
    NodeList found = e.getElementsByTagName(tag);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
  }
}
