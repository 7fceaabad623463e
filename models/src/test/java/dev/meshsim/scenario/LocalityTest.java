package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code locality} of deployments and loads: {@code region[/zone[/subzone]]}. */
class LocalityTest {

  @Test
  void parsesOneToThreeParts() {
    assertEquals(Locality.NONE, Locality.parse(""));
    assertEquals(new Locality("us-east1", "", ""), Locality.parse("us-east1"));
    assertEquals(new Locality("us-east1", "us-east1-b", ""), Locality.parse("us-east1/us-east1-b"));
    assertEquals(new Locality("r", "z", "s"), Locality.parse("r/z/s"));
    assertEquals("r/z", Locality.parse("r/z").toString());
    assertEquals("", Locality.NONE.toString());
  }

  @Test
  void rejectsEmptyPartsAndExtraParts() {
    for (String bad : new String[] {"/z", "r//s", "r/z/", "r/z/s/x", "r /z"}) {
      assertThrows(IllegalArgumentException.class, () -> Locality.parse(bad), bad);
    }
  }

  @Test
  void theLoaderReadsItForDeploymentsAndLoads(@TempDir Path dir) throws Exception {
    Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), scenario("us/us-a"))).scenario();
    assertEquals(Locality.parse("us/us-a"), s.services().get(0).deployments().get(0).locality());
    assertEquals(Locality.NONE, s.services().get(0).deployments().get(1).locality());
    assertEquals(Locality.parse("us/us-b/rack1"), s.loads().get(0).locality());
  }

  @Test
  void aBadLocalityIsAnErrorAtItsPlace(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), scenario("us//x"));
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().contains("services[0].deployments[0].locality: expected a locality"), e.getMessage());
  }

  private static String scenario(String locality) {
    return """
        duration: 10s
        services:
          - name: backend
            ports: [{port: 8080}]
            deployments:
              - {name: a, serviceTime: 1ms, locality: "%s"}
              - {name: b, serviceTime: 1ms}
        load:
          - {name: client, target: backend, locality: us/us-b/rack1, arrival: {poisson: 10/s}}
        """.formatted(locality);
  }
}
