package dev.meshsim.mesh.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Envoy's priority load and per-priority panic ({@link PriorityLoad}) against the tables of
 * {@code docs/root/intro/arch_overview/upstream/load_balancing/panic_threshold.rst} (panic
 * threshold 50%, percentages as healthy hosts out of 100 per priority) and against {@code
 * load_balancer_impl.cc} where the doc's second table disagrees with it.
 */
class PriorityLoadTest {
  private static final double ENVOY_PANIC = 50;

  private static Result compute(int[] hosts, int[] healthy, double threshold) {
    int[] load = new int[hosts.length];
    boolean[] panic = new boolean[hosts.length];
    PriorityLoad.compute(hosts, healthy, threshold, load, panic);
    return new Result(load, panic);
  }

  private record Result(int[] load, boolean[] panic) {}

  /** The doc's first table: P=1 is fully healthy, so total health is 100% and nothing panics. */
  @ParameterizedTest(name = "P0 {0}% healthy -> {1}/{2}")
  @CsvSource({"100, 100, 0", "72, 100, 0", "71, 99, 1", "50, 70, 30", "25, 35, 65", "0, 0, 100"})
  void p1HealthyTakesWhatP0CannotCarry(int p0Healthy, int toP0, int toP1) {
    Result r = compute(new int[] {100, 100}, new int[] {p0Healthy, 100}, ENVOY_PANIC);
    assertArrayEquals(new int[] {toP0, toP1}, r.load());
    assertArrayEquals(new boolean[] {false, false}, r.panic());
  }

  /** 1.4 × 71.4% reaches 100%: from 5 healthy of 7 on, P0 keeps everything. */
  @Test
  void overprovisioningKeepsEverythingOnP0From71Point4Percent() {
    assertArrayEquals(new int[] {100, 0}, compute(new int[] {7, 7}, new int[] {5, 7}, 0).load());
    assertArrayEquals(new int[] {99, 1}, compute(new int[] {1000, 7}, new int[] {714, 7}, 0).load());
  }

  /**
   * The doc's second table, rows that agree with the code: panic is checked only once the summed
   * health is below 100%. (5% and 65%: health 7 and 91, total 98; P0 gets 7×100/98 = 7, P1 92, and
   * the rounding leftover goes to P0: 8/92, where the doc prints 7/93.)
   */
  @ParameterizedTest(name = "P0 {0}%, P1 {1}% -> {2}/{3}, panic {4}/{5}")
  @CsvSource({
      "72, 72, 100, 0, false, false",
      "71, 71, 99, 1, false, false",
      "25, 25, 50, 50, true, true",
      "5, 65, 8, 92, true, false"})
  void panicOnlyBelowFullTotalHealth(int h0, int h1, int toP0, int toP1, boolean panic0, boolean panic1) {
    Result r = compute(new int[] {100, 100}, new int[] {h0, h1}, ENVOY_PANIC);
    assertArrayEquals(new int[] {toP0, toP1}, r.load());
    assertArrayEquals(new boolean[] {panic0, panic1}, r.panic());
  }

  /**
   * Two rows of the doc's second table (50%/60% → 50/50, 25%/100% → 25/75) contradict both its
   * first table and the code, which this follows: the total is 100%, so P0 gets 1.4 × its health.
   */
  @Test
  void theCodeNotTheDocsSecondTable() {
    assertArrayEquals(new int[] {70, 30}, compute(new int[] {100, 100}, new int[] {50, 60}, ENVOY_PANIC).load());
    assertArrayEquals(new int[] {35, 65}, compute(new int[] {100, 100}, new int[] {25, 100}, ENVOY_PANIC).load());
  }

  /** Health summing below 100% is scaled up: 35% + 35% becomes 50/50. */
  @Test
  void loadIsNormalizedWhenTotalHealthIsBelow100() {
    assertArrayEquals(new int[] {50, 50}, compute(new int[] {4, 4}, new int[] {1, 1}, 0).load());
    assertArrayEquals(new int[] {34, 33, 33}, compute(new int[] {10, 10, 10}, new int[] {1, 1, 1}, 0).load());
  }

  /**
   * Istio's outlier detection sets the panic threshold to {@code minHealthPercent}, default 0: a
   * fully ejected P0 spills entirely to P1; with nothing healthy anywhere P0 gets 100% and finds
   * no host (503 UH), still without panic.
   */
  @Test
  void istioThresholdZeroNeverPanics() {
    Result p0Gone = compute(new int[] {2, 2}, new int[] {0, 2}, 0);
    assertArrayEquals(new int[] {0, 100}, p0Gone.load());
    assertArrayEquals(new boolean[] {false, false}, p0Gone.panic());
    Result allGone = compute(new int[] {2, 2}, new int[] {0, 0}, 0);
    assertArrayEquals(new int[] {100, 0}, allGone.load());
    assertArrayEquals(new boolean[] {false, false}, allGone.panic());
  }

  /** Every priority in panic: the load follows host counts, health ignored (total panic). */
  @Test
  void totalPanicSplitsByHostCount() {
    Result r = compute(new int[] {3, 1}, new int[] {0, 0}, ENVOY_PANIC);
    assertArrayEquals(new int[] {75, 25}, r.load());
    assertArrayEquals(new boolean[] {true, true}, r.panic());
    assertArrayEquals(new int[] {67, 33}, compute(new int[] {2, 1}, new int[] {0, 0}, ENVOY_PANIC).load());
  }

  /**
   * One priority: all the load, panic below the threshold, except that a health of 100% after
   * overprovisioning never panics (3 of 4 healthy under an 80% threshold).
   */
  @Test
  void singlePriority() {
    Result quarter = compute(new int[] {4}, new int[] {1}, ENVOY_PANIC);
    assertArrayEquals(new int[] {100}, quarter.load());
    assertArrayEquals(new boolean[] {true}, quarter.panic());
    assertArrayEquals(new boolean[] {false}, compute(new int[] {4}, new int[] {2}, ENVOY_PANIC).panic());
    assertArrayEquals(new boolean[] {false}, compute(new int[] {4}, new int[] {3}, 80).panic());
    assertArrayEquals(new boolean[] {true}, compute(new int[] {4}, new int[] {2}, 80).panic());
    assertArrayEquals(new int[] {100}, compute(new int[] {0}, new int[] {0}, 0).load());
  }

  /** {@code choosePriority}: draws 1..70 land on P0 and 71..100 on P1 for a 70/30 split. */
  @Test
  void drawsPickByCumulativeLoad() {
    int[] load = {70, 30};
    assertEquals(0, PriorityLoad.choose(load, 1));
    assertEquals(0, PriorityLoad.choose(load, 70));
    assertEquals(1, PriorityLoad.choose(load, 71));
    assertEquals(1, PriorityLoad.choose(load, 100));
    assertEquals(1, PriorityLoad.choose(new int[] {0, 100}, 1));
  }
}
