package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DestinationRule {@code consistentHash} pins each key to one pod: every request of a user (the
 * x-user header, RING_HASH) or of a client pod (its IP, MAGLEV) lands on the same pod, while
 * requests without the key spread over all pods. The pods behind each service are told apart by
 * their service time (1, 20 and 60 ms): a load's fastest and slowest requests fall in one band
 * exactly when a single pod served them all.
 */
class ConsistentHashTest {
  private static final long MS = 1_000_000L;
  /** Latency bands: the 1 ms pod stays under 12 ms, the 20 ms pod under 45 ms, the 60 ms pod above. */
  private static final long[] BAND_EDGES = {0, 12 * MS, 45 * MS, Long.MAX_VALUE};
  private static final String SESSIONS = "outbound|8080||sessions.default.svc.cluster.local";

  private static RunResult result;

  @BeforeAll
  static void run() {
    result = Scenarios.run(Scenarios.test("consistent-hash"));
  }

  private static int band(long latencyNanos) {
    for (int b = 1; b < BAND_EDGES.length; b++) {
      if (latencyNanos < BAND_EDGES[b]) {
        return b - 1;
      }
    }
    throw new AssertionError();
  }

  /** The pod (band) that served every request of the load; fails if more than one did. */
  private static int onePod(String load) {
    TrafficStats stats = result.loads().get(load);
    assertTrue(stats.requests() > 100, load + " sent " + stats.requests());
    assertEquals(Map.of(200, stats.requests()), stats.codes(), load);
    Histogram latency = stats.latency();
    int fastest = band(latency.getMinValue());
    int slowest = band(latency.getMaxValue());
    assertEquals(fastest, slowest, load + ": latencies " + latency.getMinValue() / 1e6 + ".."
        + latency.getMaxValue() / 1e6 + " ms span more than one pod");
    return fastest;
  }

  @Test
  void eachUsersRequestsLandOnOnePod() {
    Set<Integer> pods = new HashSet<>();
    for (int u = 0; u < 8; u++) {
      String load = "user-" + u;
      pods.add(onePod(load));
      assertEquals(Map.of(SESSIONS, result.loads().get(load).requests()), result.loads().get(load).clusters());
    }
    // Eight keys over three pods: the hash spreads users, it does not send them all to one pod.
    assertTrue(pods.size() >= 2, "users landed on pods " + pods);
  }

  @Test
  void eachClientPodsRequestsLandOnOnePodUnderSourceIpHashing() {
    Set<Integer> pods = new HashSet<>();
    for (int s = 0; s < 6; s++) {
      pods.add(onePod("shopper-" + s));
    }
    assertTrue(pods.size() >= 2, "shoppers landed on pods " + pods);
  }

  @Test
  void requestsWithoutTheHeaderSpreadOverEveryPod() {
    TrafficStats anonymous = result.loads().get("anonymous");
    Histogram latency = anonymous.latency();
    long n = anonymous.requests();
    assertTrue(n > 300, "anonymous sent " + n);
    for (int b = 0; b < 3; b++) {
      long inBand = latency.getCountBetweenValues(BAND_EDGES[b], Math.min(BAND_EDGES[b + 1] - 1, latency.getMaxValue()));
      double share = (double) inBand / n;
      // A random pick gives each pod its ring share, 1/3 give or take the ring's few percent.
      assertTrue(share > 0.2 && share < 0.47, "pod " + b + " served " + share + " of unhashed requests");
    }
  }

  @Test
  void theSameSeedPinsTheSameUsersToTheSamePods() {
    RunResult again = Scenarios.run(Scenarios.test("consistent-hash").withSeed(99));
    for (int u = 0; u < 8; u++) {
      TrafficStats a = result.loads().get("user-" + u);
      TrafficStats b = again.loads().get("user-" + u);
      assertEquals(band(a.latency().getMinValue()), band(b.latency().getMinValue()),
          "the pod depends on the key and the pods' addresses, not on the seed");
    }
  }
}
