package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Each arrival in fortio's terms: an open loop asks for its rate and has no connections; a closed
 * loop of c connections paced at q each asks for {@code -qps} c·q (fortio's total, which it splits
 * over the connections) with {@code -c} c, and an unpaced one for {@code -qps 0} ("max").
 */
class ArrivalFortioTermsTest {
  @Test
  void openLoopsAskForTheirRateOnNoConnection() {
    assertEquals(200.0, new Arrival.Poisson(200).requestedQps());
    assertEquals(0, new Arrival.Poisson(200).connections());
    assertEquals(50.0, new Arrival.Constant(50).requestedQps());
    assertEquals(0, new Arrival.Constant(50).connections());
  }

  @Test
  void aClosedLoopAsksForItsConnectionsTimesTheirPacing() {
    assertEquals(100.0, new Arrival.Connections(4, 25).requestedQps());
    assertEquals(4, new Arrival.Connections(4, 25).connections());
    assertEquals(0.0, new Arrival.Connections(2, 0).requestedQps(), "as fast as possible: fortio -qps 0");
    assertEquals(2, new Arrival.Connections(2, 0).connections());
  }
}
