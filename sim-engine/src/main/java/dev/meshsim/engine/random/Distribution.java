package dev.meshsim.engine.random;

import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * A non-negative real distribution, in whatever unit the caller uses (meshsim's models use
 * nanoseconds). Immutable: {@link #sampler(RandomStream)} binds it to a stream.
 *
 * <p>The parametric families delegate to commons-math3, driven by a {@link RandomStream}; the
 * empirical family is meshsim's own because commons-math3 has no distribution built from a handful
 * of percentiles.
 *
 * <p><b>Every draw is clamped to [0, {@link #MAX_DRAW}].</b> A far tail (a lognormal with a large
 * sigma, an exponential draw of 36 means) or a non-finite value would otherwise overflow a {@code
 * long} clock when rounded and multiplied. Callers validate that {@link #quantile}(0.9999) lies well
 * below their horizon, so the clamp touches at most the far tail beyond it and never a finite
 * result of a run whose horizon is below {@code MAX_DRAW}. NaN draws are clamped to {@code MAX_DRAW}.
 */
public sealed interface Distribution {

  /**
   * The largest value a sampler returns: 2^53, the largest integer a double holds exactly. Times a
   * factor up to 1000 it still fits a signed 64-bit count with room for a clock of months.
   */
  double MAX_DRAW = 0x1p53;

  /** A sampler drawing from {@code stream}; its draws are clamped to [0, {@link #MAX_DRAW}]. */
  Sampler sampler(RandomStream stream);

  /** The distribution's mean (for documentation, reports and tests). */
  double mean();

  /** The value below which a fraction {@code p} of draws fall, for {@code p} in (0, 1), unclamped. */
  double quantile(double p);

  /** {@code v} within [0, {@link #MAX_DRAW}]; NaN becomes {@code MAX_DRAW}. */
  static double clamp(double v) {
    return v >= 0 ? (v <= MAX_DRAW ? v : MAX_DRAW) : (v < 0 ? 0 : MAX_DRAW);
  }

  /** Draws one value at a time. */
  @FunctionalInterface
  interface Sampler {
    double sample();
  }

  /** Always {@code value}. */
  record Constant(double value) implements Distribution {
    @Override
    public Sampler sampler(RandomStream stream) {
      double v = clamp(value);
      return () -> v;
    }

    @Override
    public double mean() {
      return value;
    }

    @Override
    public double quantile(double p) {
      return value;
    }
  }

  /** Exponential with the given mean (memoryless: Poisson arrivals, M/M/c service). */
  record Exponential(double mean) implements Distribution {
    @Override
    public Sampler sampler(RandomStream stream) {
      return () -> clamp(stream.nextExponential(mean));
    }

    @Override
    public double quantile(double p) {
      return -mean * StrictMath.log1p(-p);
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
        double v = clamp(median);
        return () -> v;
      }
      return () -> clamp(median * StrictMath.exp(sigma * stream.nextGaussian()));
    }

    @Override
    public double quantile(double p) {
      return median * StrictMath.exp(sigma * StrictMath.sqrt(2) * Erf.erfInv(2 * p - 1));
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
      return () -> clamp(d.sample());
    }

    @Override
    public double quantile(double p) {
      return new GammaDistribution(null, shape, mean / shape).inverseCumulativeProbability(p);
    }
  }

  /** Uniform on [min, max). */
  record Uniform(double min, double max) implements Distribution {
    @Override
    public Sampler sampler(RandomStream stream) {
      if (min == max) {
        double v = clamp(min);
        return () -> v;
      }
      UniformRealDistribution d = new UniformRealDistribution(stream, min, max);
      return () -> clamp(d.sample());
    }

    @Override
    public double quantile(double p) {
      return min + p * (max - min);
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
      return () -> clamp(quantile(stream.nextDouble()));
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
