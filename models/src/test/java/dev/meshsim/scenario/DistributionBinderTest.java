package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.engine.random.Distribution.Empirical.Point;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionBinderTest {

  private static Distribution bind(String yaml) {
    return DistributionBinder.bind(YamlReader.read("d: " + yaml + "\n", "d.yaml").get(0).asMap().required("d"));
  }

  private static String error(String yaml) {
    return assertThrows(YamlException.class, () -> bind(yaml)).getMessage();
  }

  @Test
  void aPlainDurationIsAConstant() {
    assertEquals(new Distribution.Constant(10_000_000), bind("10ms"));
    assertEquals(new Distribution.Constant(10_000_000), bind("{distribution: constant, value: 10ms}"));
    assertEquals(new Distribution.Constant(0), bind("0"));
  }

  @Test
  void parametricFamilies() {
    assertEquals(new Distribution.Exponential(10_000_000), bind("{distribution: exponential, mean: 10ms}"));
    assertEquals(new Distribution.LogNormal(150_000, 0.5), bind("{distribution: lognormal, median: 150us, sigma: 0.5}"));
    assertEquals(new Distribution.Gamma(2, 10_000_000), bind("{distribution: gamma, shape: 2, mean: 10ms}"));
    assertEquals(new Distribution.Uniform(1_000_000, 3_000_000), bind("{distribution: uniform, min: 1ms, max: 3ms}"));
  }

  @Test
  void lognormalFromTheMeanKeepsTheMean() {
    Distribution d = bind("{distribution: lognormal, mean: 10ms, sigma: 0.5}");
    assertEquals(10_000_000, d.mean(), 1e-3);
  }

  @Test
  void empiricalPercentilesBecomeQuantilesInOrder() {
    Distribution d = bind("{distribution: empirical, p99: 80ms, p50: 10ms, p999: 200ms, p90: 30ms, min: 1ms}");
    assertEquals(new Distribution.Empirical(1_000_000, List.of(new Point(0.5, 10e6), new Point(0.9, 30e6),
        new Point(0.99, 80e6), new Point(0.999, 200e6))), d);
    assertEquals(0, ((Distribution.Empirical) bind("{distribution: empirical, p50: 1ms}")).min());
  }

  @Test
  void badDistributionsArePositioned() {
    assertEquals("d.yaml:1:19: d.distribution: unknown distribution \"expnential\"; did you mean \"exponential\"?"
        + " Known: constant, exponential, lognormal, gamma, uniform, empirical.",
        error("{distribution: expnential, mean: 1ms}"));
    assertEquals("d.yaml:1:38: d.mean: mean must be > 0", error("{distribution: exponential, mean: 0s}"));
    assertEquals("d.yaml:1:4: d: a lognormal distribution needs exactly one of median or mean",
        error("{distribution: lognormal, median: 1ms, mean: 2ms, sigma: 1}"));
    assertEquals("d.yaml:1:43: d.max: max must be >= min", error("{distribution: uniform, min: 3ms, max: 1ms}"));
    assertTrue(error("{distribution: empirical, p50: 10ms, p90: 5ms}")
        .startsWith("d.yaml:1:46: d.p90: percentile values must increase strictly"));
    assertTrue(error("{distribution: empirical, p5: 1ms}").contains("unknown key \"p5\""));
    assertTrue(error("{distribution: empirical, p100: 1ms}").contains("there is no p100"));
    assertTrue(error("{distribution: gamma, shape: 0, mean: 1ms}").contains("d.shape: expected a number"));
    assertTrue(error("{distribution: constant, value: 10parsecs}").contains("unknown unit \"parsecs\""));
    assertTrue(error("{distribution: constant, mean: 1ms}").contains("unknown key \"mean\""));
  }
}
