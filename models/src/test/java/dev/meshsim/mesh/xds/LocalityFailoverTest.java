package dev.meshsim.mesh.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.scenario.Locality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** istiod's default failover priorities ({@code util.LbPriority}, {@code applyLocalityFailover}). */
class LocalityFailoverTest {
  private static final Locality CLIENT = Locality.parse("us/us-a/rack1");

  private static List<Integer> priorities(String... endpoints) {
    return LocalityFailover.priorities(CLIENT, List.of(endpoints).stream().map(Locality::parse).toList());
  }

  @Test
  void lbPriorityRanksRegionZoneSubzone() {
    assertEquals(0, LocalityFailover.lbPriority(CLIENT, Locality.parse("us/us-a/rack1")));
    assertEquals(1, LocalityFailover.lbPriority(CLIENT, Locality.parse("us/us-a/rack2")));
    assertEquals(1, LocalityFailover.lbPriority(CLIENT, Locality.parse("us/us-a")));
    assertEquals(2, LocalityFailover.lbPriority(CLIENT, Locality.parse("us/us-b/rack1")));
    assertEquals(3, LocalityFailover.lbPriority(CLIENT, Locality.parse("eu/us-a/rack1")));
    assertEquals(3, LocalityFailover.lbPriority(CLIENT, Locality.NONE));
    assertEquals(0, LocalityFailover.lbPriority(Locality.NONE, Locality.NONE), "no locality matches no locality");
  }

  /** The priorities in use are renumbered 0..N in order, without gaps. */
  @Test
  void prioritiesAreCompacted() {
    assertEquals(List.of(0, 1, 2, 3), priorities("us/us-a/rack1", "us/us-a/rack2", "us/us-b", "eu/eu-a"));
    assertEquals(List.of(1, 0, 1, 0), priorities("eu/eu-a", "us/us-b", "eu/eu-b", "us/us-c/x"));
    assertEquals(List.of(0, 1, 0), priorities("us/us-a/rack1", "eu", "us/us-a/rack1"));
    assertEquals(List.of(0, 0), priorities("eu", "eu/eu-b"));
    assertEquals(List.of(), priorities());
  }
}
