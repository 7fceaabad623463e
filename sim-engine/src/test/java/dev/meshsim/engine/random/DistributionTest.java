package dev.meshsim.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.engine.random.Distribution.Empirical;
import dev.meshsim.engine.random.Distribution.Empirical.Point;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DistributionTest {

  private static final int SAMPLES = 200_000;

  static Stream<Distribution> distributions() {
    return Stream.of(
        new Distribution.Constant(3.5),
        new Distribution.Exponential(2_000_000),
        new Distribution.LogNormal(1_000_000, 0.5),
        new Distribution.LogNormal(5, 0),
        new Distribution.Gamma(2.5, 40_000),
        new Distribution.Gamma(0.7, 10),
        new Distribution.Uniform(100, 300),
        new Distribution.Uniform(7, 7),
        new Empirical(
            1_000_000,
            List.of(new Point(0.5, 3_000_000), new Point(0.9, 8_000_000), new Point(0.99, 20_000_000))),
        new Empirical(0, List.of(new Point(0.8, 10))));
  }

  /**
   * The sample mean of 200,000 draws lies within 5 standard errors of {@code mean()}; the standard
   * error is estimated from the sample itself. Seeds are fixed, so the test is deterministic.
   */
  @ParameterizedTest
  @MethodSource("distributions")
  void sampleMeanMatchesMean(Distribution d) {
    Distribution.Sampler sampler = d.sampler(new RandomStreams(123).stream("mean/" + d));
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < SAMPLES; i++) {
      double x = sampler.sample();
      assertTrue(x >= 0, "negative sample " + x);
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / SAMPLES;
    double variance = Math.max(0, sumSq / SAMPLES - mean * mean);
    double standardError = Math.sqrt(variance / SAMPLES);
    double tolerance = Math.max(5 * standardError, 1e-9 * Math.abs(d.mean()));
    assertEquals(d.mean(), mean, tolerance, d + ": sample mean " + mean);
  }

  @Test
  void sameStreamSameSamples() {
    Distribution d = new Distribution.Gamma(2, 5);
    Distribution.Sampler a = d.sampler(new RandomStreams(9).stream("g"));
    Distribution.Sampler b = d.sampler(new RandomStreams(9).stream("g"));
    for (int i = 0; i < 1000; i++) {
      assertEquals(a.sample(), b.sample());
    }
  }

  @Test
  void empiricalQuantileHitsItsPercentilesExactly() {
    Empirical e =
        new Empirical(
            0.1,
            List.of(
                new Point(0.5, 0.3),
                new Point(0.75, 0.7),
                new Point(0.9, 1.1),
                new Point(0.99, 2.9),
                new Point(0.999, 7.3)));
    assertEquals(0.1, e.quantile(0));
    for (Point p : e.points()) {
      assertEquals(p.value(), e.quantile(p.quantile()), "quantile " + p.quantile());
    }
  }

  @Property(tries = 300)
  void empiricalQuantileHitsGeneratedPercentilesExactly(
      @ForAll @DoubleRange(min = 0, max = 1e9) @Scale(9) double min,
      @ForAll @DoubleRange(min = 1e-6, max = 1e9) @Scale(9) double gap1,
      @ForAll @DoubleRange(min = 1e-6, max = 1e9) @Scale(9) double gap2,
      @ForAll @DoubleRange(min = 0.01, max = 0.6) @Scale(9) double q1,
      @ForAll @DoubleRange(min = 0.01, max = 0.39) @Scale(9) double dq) {
    Empirical e =
        new Empirical(min, List.of(new Point(q1, min + gap1), new Point(q1 + dq, min + gap1 + gap2)));
    for (Point p : e.points()) {
      assertEquals(p.value(), e.quantile(p.quantile()));
    }
  }

  @Test
  void empiricalQuantileIsMonotoneAndContinuesPastTheLastPoint() {
    Empirical e =
        new Empirical(
            1, List.of(new Point(0.5, 3), new Point(0.9, 8), new Point(0.99, 20)));
    double previous = -1;
    for (int i = 0; i <= 100_000; i++) {
      double u = i / 100_001.0;
      double v = e.quantile(u);
      assertTrue(v >= previous, "not monotone at " + u);
      previous = v;
    }
    // The exponential tail continues the last segment's spacing: one more "decade" of tail
    // probability adds the same amount as the p90 -> p99 step.
    assertEquals(20 + (20 - 8), e.quantile(0.999), 1e-9);
    assertTrue(e.quantile(0.9999) > e.quantile(0.999));
  }

  @Test
  void empiricalSamplesMatchItsPercentiles() {
    Empirical e =
        new Empirical(
            0, List.of(new Point(0.5, 10), new Point(0.9, 50), new Point(0.99, 200)));
    Distribution.Sampler sampler = e.sampler(new RandomStreams(4).stream("emp"));
    int below50 = 0;
    int below90 = 0;
    int below99 = 0;
    for (int i = 0; i < SAMPLES; i++) {
      double x = sampler.sample();
      below50 += x <= 10 ? 1 : 0;
      below90 += x <= 50 ? 1 : 0;
      below99 += x <= 200 ? 1 : 0;
    }
    assertEquals(0.5, (double) below50 / SAMPLES, 0.005);
    assertEquals(0.9, (double) below90 / SAMPLES, 0.003);
    assertEquals(0.99, (double) below99 / SAMPLES, 0.001);
  }

  @Test
  void empiricalNeedsAPercentile() {
    assertThrows(IllegalArgumentException.class, () -> new Empirical(0, List.of()));
  }
}
