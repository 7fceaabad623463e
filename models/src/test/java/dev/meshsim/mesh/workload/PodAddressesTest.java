package dev.meshsim.mesh.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.scenario.Locality;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pod IPs from per-node /24s of 10.244.0.0/16, nodes per zone, 110 pods a node. */
class PodAddressesTest {
  @Test
  void podsFillTheirZonesNewestNode_thenANewNodeJoinsWithTheNextSlash24() {
    PodAddresses a = new PodAddresses();
    Locality zoneA = new Locality("r", "a", "");
    Locality zoneB = new Locality("r", "b", "");
    assertEquals(new PodAddresses.Placement("node-0", "10.244.0.2"), a.place(zoneA));
    assertEquals(new PodAddresses.Placement("node-1", "10.244.1.2"), a.place(zoneB), "a zone has its own nodes");
    assertEquals(new PodAddresses.Placement("node-0", "10.244.0.3"), a.place(zoneA));
    for (int i = 2; i < PodAddresses.MAX_PODS_PER_NODE; i++) {
      assertEquals("node-0", a.place(zoneA).node());
    }
    assertEquals(new PodAddresses.Placement("node-2", "10.244.2.2"), a.place(zoneA), "node-0 is full at 110");
  }

  @Test
  void addressesAreDistinct_pastTwoHundredFiftySixNodes() {
    PodAddresses a = new PodAddresses();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 300 * PodAddresses.MAX_PODS_PER_NODE; i++) {
      String ip = a.place(Locality.NONE).ip();
      assertTrue(seen.add(ip), ip);
    }
    assertEquals("10.245.44.2", a.place(Locality.NONE).ip(), "node 300 is in the next /16");
  }
}
