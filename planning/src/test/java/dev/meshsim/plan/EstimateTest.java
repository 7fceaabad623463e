package dev.meshsim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EstimateTest {

  @Test
  void intervalIsStudentTWithNMinusOneDegreesOfFreedom() {
    // 1,2,3,4: mean 2.5, s = sqrt(5/3), t(0.975, 3) = 3.182446 (any t table).
    Estimate e = Estimate.of(new double[] {1, 2, 3, 4}, 4);
    assertEquals(2.5, e.mean(), 1e-12);
    double half = 3.182446 * Math.sqrt(5.0 / 3) / 2;
    assertEquals(2.5 - half, e.lo(), 1e-5);
    assertEquals(2.5 + half, e.hi(), 1e-5);
  }

  /** A latency cannot be negative: an interval reaching below 0 is cut there, its half-width kept. */
  @Test
  void anIntervalOfNonNegativeValuesStopsAtZero() {
    Estimate e = Estimate.of(new double[] {0.5, 0.5, 30}, 3);
    assertEquals(0, e.lo());
    assertEquals(e.hi() - e.mean(), e.halfWidth(), 1e-12);
    assertTrue(e.mean() - e.halfWidth() < 0, "the t interval itself reaches below 0");
    assertTrue(Estimate.of(new double[] {-0.5, 0.5, 30}, 3).lo() < 0, "a metric that can be negative is not cut");
  }

  @Test
  void onlyTheFirstNValuesCount() {
    Estimate e = Estimate.of(new double[] {5, 5, 1000}, 2);
    assertEquals(5, e.mean());
    assertEquals(0, e.halfWidth());
  }

  @Property
  void intervalHoldsTheMeanAndShiftsWithTheData(@ForAll @Size(min = 2, max = 30) java.util.List<@DoubleRange(min = -1e3, max = 1e3) Double> xs,
      @ForAll @DoubleRange(min = -1e3, max = 1e3) double shift) {
    double[] v = xs.stream().mapToDouble(Double::doubleValue).toArray();
    double[] w = xs.stream().mapToDouble(x -> x + shift).toArray();
    Estimate a = Estimate.of(v, v.length);
    Estimate b = Estimate.of(w, w.length);
    assertTrue(a.lo() <= a.mean() && a.mean() <= a.hi());
    assertEquals(a.mean() + shift, b.mean(), 1e-6);
    assertEquals(a.halfWidth(), b.halfWidth(), 1e-6);
  }
}
