package dev.meshsim.mesh.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.engine.random.RandomStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weights are summed in a long, as Envoy's uint64: two of 2^31-1 used to overflow an int. */
class RouteWeightsTest {
  @Test
  void weightsNearIntMaxSplitEvenly() {
    Route route = new Route("r", List.of(), List.of(new WeightedCluster("a", Integer.MAX_VALUE, null),
        new WeightedCluster("b", Integer.MAX_VALUE, null)), 0, null, null);
    RandomStream random = new RandomStream(1);
    int a = 0;
    for (int i = 0; i < 10_000; i++) {
      a += route.pickCluster(random).clusterName().equals("a") ? 1 : 0;
    }
    assertTrue(a > 4_700 && a < 5_300, "about half to each, got " + a + " of 10000 to a");
  }
}
