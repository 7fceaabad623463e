package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import dev.meshsim.scenario.ScenarioOverrides.Edit;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@code --set}: values replaced in place, checked by the usual binders, errors naming the argument. */
class ScenarioOverridesTest {
  private static final Path CB = Path.of("scenarios/circuit-breaking.yaml");
  private static final Path MM1 = Path.of("src/test/resources/scenarios/plan-mm1.yaml");

  private static Scenario load(Path file, Edit... edits) throws ScenarioException {
    return ScenarioLoader.load(file, List.of(edits)).scenario();
  }

  private static Edit set(String path, String value) {
    return new Edit("--set '" + path + "=" + value + "'", path, value);
  }

  @Test
  void aFlowMappingValueIsReplaced() throws Exception {
    Scenario s = load(MM1, set("load[0].arrival.poisson", "750/s"));
    assertEquals(750, ((Arrival.Poisson) s.loads().get(0).arrival()).perSecond());
  }

  @Test
  void anIstioResourceFieldIsReplacedAndBoundAsIstioWouldBindIt() throws Exception {
    String path = "istio[0].spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests";
    Scenario before = load(CB);
    Scenario after = load(CB, set(path, "16"));
    String b = before.istio().toString();
    String a = after.istio().toString();
    assertTrue(!a.equals(b), "the DestinationRule changed");
    assertTrue(a.contains("16"), a);
  }

  @Test
  void severalEditsApplyInOrderAndLeaveEverythingElse() throws Exception {
    Scenario s = load(MM1, set("services[0].deployments[0].replicas", "3"), set("seed", "99"));
    assertEquals(3, s.services().get(0).deployments().get(0).replicas());
    assertEquals(99, s.seed());
    assertEquals(load(MM1).durationNanos(), s.durationNanos());
  }

  @Test
  void aValueOfTheWrongTypeIsReportedAtItsPositionNamingTheArgument() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> load(MM1, set("services[0].deployments[0].workers", "-1")));
    assertTrue(e.getMessage().contains("plan-mm1.yaml:20:18: services[0].deployments[0].workers"), e.getMessage());
    assertTrue(e.getMessage().contains("written by --set 'services[0].deployments[0].workers=-1'"), e.getMessage());
  }

  @Test
  void aPathThatNamesNoKeyIsRefusedWithTheKeysThatExist() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(MM1, set("load[0].arival.poisson", "1/s")));
    assertTrue(e.getMessage().startsWith("--set 'load[0].arival.poisson=1/s': "), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean \"arrival\"?"), e.getMessage());
  }

  @Property(tries = 50)
  void anyValueWrittenIsTheValueBound(@ForAll @IntRange(min = 0, max = 10_000) int replicas,
      @ForAll @IntRange(min = 1, max = 512) int workers, @ForAll("names") String name) throws Exception {
    Scenario s = load(MM1, set("services[0].deployments[0].replicas", Integer.toString(replicas)),
        set("services[0].deployments[0].workers", Integer.toString(workers)), set("name", name));
    assertEquals(replicas, s.services().get(0).deployments().get(0).replicas());
    assertEquals(workers, s.services().get(0).deployments().get(0).workers());
    assertEquals(name, s.name());
  }

  @Provide
  Arbitrary<String> names() {
    // Printable text, YAML indicators included: the edit must quote what needs quoting.
    return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(30)
        .filter(t -> !t.isBlank() && t.strip().equals(t) && !t.equalsIgnoreCase("null")); // YAML's null
  }

  @Test
  void aLoneDashOrLeadingIndicatorIsWrittenQuoted() throws Exception {
    assertEquals("-", load(MM1, set("name", "-")).name());
    assertEquals("*x", load(MM1, set("name", "*x")).name());
    assertEquals(-1, load(MM1, set("seed", "-1")).seed());
  }

  @Test
  void textThatIsNotAPlainScalarIsWrittenQuoted() throws Exception {
    Scenario s = load(MM1, set("name", "a: b # not a comment"));
    assertEquals("a: b # not a comment", s.name());
  }
}
