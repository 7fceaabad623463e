package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Istio version profile: the record, and {@code istio:} as a list or as {version, resources}. */
class IstioVersionTest {

  private static final String DR = """
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: reviews}
          spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}]}
      """;

  @TempDir Path tmp;

  @Test
  void parseAndCompare() {
    assertEquals(new IstioVersion(1, 24), IstioVersion.parse("1.24"));
    assertEquals(new IstioVersion(1, 24), IstioVersion.parse("1.24.3")); // the patch is dropped
    assertEquals(new IstioVersion(1, 5), IstioVersion.parse("1.5"));
    assertEquals(new IstioVersion(1, 30), IstioVersion.CURRENT);
    assertEquals("1.30", IstioVersion.CURRENT.toString());
    assertTrue(IstioVersion.parse("1.24").atLeast(1, 24));
    assertTrue(IstioVersion.parse("1.24").atLeast(1, 14));
    assertTrue(!IstioVersion.parse("1.13").atLeast(1, 14));
    assertTrue(!IstioVersion.parse("1.31").atLeast(2, 0));
  }

  @Test
  void versionsOutsideTheModelledRangeAreRejected() {
    assertEquals("Istio 2.0 is not supported; meshsim models 1.5 to 1.31 (default 1.30)",
        assertThrows(IllegalArgumentException.class, () -> IstioVersion.parse("2.0")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> IstioVersion.parse("1.4"));
    assertThrows(IllegalArgumentException.class, () -> IstioVersion.parse("1.32"));
    assertEquals("invalid Istio version \"latest\"; write major.minor, e.g. \"1.24\"",
        assertThrows(IllegalArgumentException.class, () -> IstioVersion.parse("latest")).getMessage());
  }

  @Test
  void aListOfResourcesMeansTheCurrentRelease() throws Exception {
    Scenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL + "istio:\n" + DR).scenario();
    assertEquals(IstioVersion.CURRENT, s.istioVersion());
    assertEquals(1, s.istio().destinationRules().size());
    assertEquals(IstioVersion.CURRENT, TestScenarios.load(tmp, TestScenarios.MINIMAL).scenario().istioVersion());
  }

  @Test
  void aMappingGivesVersionAndResources() throws Exception {
    Scenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL + "istio:\n  version: \"1.13\"\n  resources:\n"
        + DR.indent(2)).scenario();
    assertEquals(new IstioVersion(1, 13), s.istioVersion());
    assertEquals(1, s.istio().destinationRules().size());
    // Unquoted, YAML reads 1.30 as a number; its text is kept, so it is still 1.30, not 1.3.
    Scenario unquoted = TestScenarios.load(tmp, TestScenarios.MINIMAL + "istio: {version: 1.30}\n").scenario();
    assertEquals(new IstioVersion(1, 30), unquoted.istioVersion());
    assertEquals(0, unquoted.istio().destinationRules().size());
    assertEquals(new IstioVersion(1, 13), s.withSeed(7).withDuration(1).istioVersion());
  }

  @Test
  void badVersionsArePositioned() {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istio: {version: \"2.0\"}\n");
    assertEquals("istio.version", e.path());
    assertEquals(14, e.line()); // the line after MINIMAL
    assertEquals(18, e.column());
    assertEquals("Istio 2.0 is not supported; meshsim models 1.5 to 1.31 (default 1.30)", e.problem());
    e = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istio: {version: 1.24, resorces: []}\n");
    assertEquals("istio.resorces", e.path());
    assertTrue(e.problem().startsWith("unknown key \"resorces\"; did you mean \"resources\"?"), e.problem());
    e = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istio: yes\n");
    assertEquals("istio", e.path());
    assertEquals("expected a list of Istio resources, or a mapping with version and resources, got yes",
        e.problem());
  }
}
