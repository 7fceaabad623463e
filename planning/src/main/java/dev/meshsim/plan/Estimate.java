package dev.meshsim.plan;

import java.math.BigDecimal;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a metric over n replications with its Student-t 95% interval, {@code mean ± t(0.975,
 * n−1)·s/√n} (the textbook interval for independent replications; each replication's value, e.g.
 * its p99, is one observation), cut at 0 below when no value is negative.
 *
 * @param n replications
 * @param mean their mean
 * @param lo lower end of the 95% interval
 * @param hi upper end
 */
public record Estimate(int n, double mean, double lo, double hi) {

  /** The estimate of {@code values[0..n)}, summed in index order so that it is the same everywhere. */
  public static Estimate of(double[] values, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("an interval needs at least 2 replications");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      squares += (values[i] - mean) * (values[i] - mean);
    }
    double s = Math.sqrt(squares / (n - 1));
    // null: no random generator; only the quantile function is used.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    double half = t * s / Math.sqrt(n);
    return new Estimate(n, mean, nonNegative(values, n) ? Math.max(0, mean - half) : mean - half, mean + half);
  }

  /**
   * Whether every value is at least 0: then so is the metric (a latency, a rate, a share), and the
   * interval is cut at 0. Cutting off values the metric cannot take keeps the interval's coverage:
   * "p99 in [-1.07, 14.29] ms" said nothing that "[0, 14.29]" does not.
   */
  private static boolean nonNegative(double[] values, int n) {
    for (int i = 0; i < n; i++) {
      if (values[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The t interval's half-width, {@code t·s/√n} (the upper end is never cut). */
  public double halfWidth() {
    return hi - mean;
  }

  /** Whether the half-width is at most {@code relative} of the mean (a zero-width interval always is). */
  public boolean preciseTo(double relative) {
    return halfWidth() <= relative * Math.abs(mean);
  }

  /** A number without trailing zeros or exponent: {@code 99}, {@code 99.9}. */
  public static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
