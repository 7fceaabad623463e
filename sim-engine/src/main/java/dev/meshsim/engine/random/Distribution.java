package dev.meshsim.engine.random;

import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * A non-negative real distribution, in whatever unit the caller uses (meshsim's models use
 * nanoseconds). Immutable: {@link #sampler(RandomStream)} binds it to a stream.
 *
 * <p>The parametric families delegate to commons-math3, driven by a {@link RandomStream}; the
 * empirical family is meshsim's own because commons-math3 has no distribution built from a handful
 * of percentiles.
 */
public sealed interface Distribution {

  /** A sampler drawing from {@code stream}. */
  Sampler sampler(RandomStream stream);

  /** The distribution's mean (for documentation, reports and tests). */
  double mean();

  /** Draws one value at a time. */
  @FunctionalInterface
  interface Sampler {
    double sample();
  }

  /** Always {@code value}. */
  record Constant(double value) implements Distribution {
    @Override
    public Sampler sampler(RandomStream stream) {
      return () -> value;
    }

    @Override
    public double mean() {
      return value;
    }
  }

  /** Exponential with the given mean (memoryless: Poisson arrivals, M/M/c service). */
  record Exponential(double mean) implements Distribution {
    @Override
    public Sampler sampler(RandomStream stream) {
      ExponentialDistribution d = new ExponentialDistribution(stream, mean);
      return d::sample;
    }
  }

  /**
   * Log-normal: {@code median * exp(sigma * Z)}. Sampled here rather than through commons-math3's
   * {@code LogNormalDistribution}, whose {@code FastMath.exp} showed as a hot spot in the end-to-end
   * benchmark (the models draw one per fixed-cost hop); {@link StrictMath#exp} is as reproducible.
   */
  record LogNormal(double median, double sigma) implements Distribution {
    @Override
    public Sampler sampler(RandomStream stream) {
      if (sigma == 0) {
        return () -> median;
      }
      return () -> median * StrictMath.exp(sigma * stream.nextGaussian());
    }

    @Override
    public double mean() {
      return median * StrictMath.exp(sigma * sigma / 2);
    }
  }

  /** Gamma with the given shape k and mean (scale = mean / k). */
  record Gamma(double shape, double mean) implements Distribution {
    @Override
    public Sampler sampler(RandomStream stream) {
      GammaDistribution d = new GammaDistribution(stream, shape, mean / shape);
      return d::sample;
    }
  }

  /** Uniform on [min, max). */
  record Uniform(double min, double max) implements Distribution {
    @Override
    public Sampler sampler(RandomStream stream) {
      if (min == max) {
        return () -> min;
      }
      UniformRealDistribution d = new UniformRealDistribution(stream, min, max);
      return d::sample;
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }
  }

  /**
   * Built from percentiles as a dashboard shows them (p50, p90, p99, …), sampled by inverting a
   * piecewise-linear CDF through the given points. Below the first point it interpolates from
   * (0, {@code min}); above the last it continues with an exponential tail fitted to the last two
   * points, so that a user who pastes p50/p90/p99 gets a plausible p99.9 rather than a hard cap.
   *
   * @param min the value at quantile 0
   * @param points (quantile in (0,1), value) pairs, strictly increasing in both
   */
  record Empirical(double min, List<Point> points) implements Distribution {
    public Empirical {
      points = List.copyOf(points);
      if (points.isEmpty()) {
        throw new IllegalArgumentException("an empirical distribution needs at least one percentile");
      }
    }

    /** One (quantile, value) point. */
    public record Point(double quantile, double value) {}

    @Override
    public Sampler sampler(RandomStream stream) {
      return () -> quantile(stream.nextDouble());
    }

    /** The inverse CDF; exact at the given percentiles. */
    public double quantile(double u) {
      double prevQ = 0;
      double prevV = min;
      for (Point p : points) {
        if (u == p.quantile()) {
          return p.value(); // interpolation could be off by an ulp here
        }
        if (u < p.quantile()) {
          return prevV + (p.value() - prevV) * (u - prevQ) / (p.quantile() - prevQ);
        }
        prevQ = p.quantile();
        prevV = p.value();
      }
      return prevV + tailScale() * StrictMath.log((1 - prevQ) / (1 - u));
    }

    /** Scale of the exponential tail: matches the last two points' spacing. */
    private double tailScale() {
      Point last = points.get(points.size() - 1);
      double q0 = points.size() > 1 ? points.get(points.size() - 2).quantile() : 0;
      double v0 = points.size() > 1 ? points.get(points.size() - 2).value() : min;
      return (last.value() - v0) / StrictMath.log((1 - q0) / (1 - last.quantile()));
    }

    @Override
    public double mean() {
      // Piecewise-linear segments contribute their midpoints; the tail adds its exponential mean.
      double sum = 0;
      double prevQ = 0;
      double prevV = min;
      for (Point p : points) {
        sum += (p.quantile() - prevQ) * (prevV + p.value()) / 2;
        prevQ = p.quantile();
        prevV = p.value();
      }
      return sum + (1 - prevQ) * (prevV + tailScale());
    }
  }
}
