package dev.meshsim.plan;

import java.math.BigDecimal;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a metric over n replications with its Student-t 95% interval, {@code mean ± t(0.975,
 * n−1)·s/√n} (the textbook interval for independent replications; each replication's value, e.g.
 * its p99, is one observation).
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
    return new Estimate(n, mean, mean - half, mean + half);
  }

  public double halfWidth() {
    return (hi - lo) / 2;
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
