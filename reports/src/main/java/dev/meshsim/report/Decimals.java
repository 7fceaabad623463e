package dev.meshsim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal conversions for report figures. Everything goes through {@link BigDecimal} with
 * {@link RoundingMode#HALF_EVEN}, never through {@code Double.toString} or {@code String.format},
 * so the printed digits are the same on every JVM version and in every locale.
 */
public final class Decimals {
  /** Decimal places of times (ms, s) and rates. */
  static final int SCALE = 3;

  /** Decimal places of percentages. */
  static final int PERCENT_SCALE = 2;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Decimals() {}

  /** {@code nanos} as milliseconds, 3 decimals. */
  public static BigDecimal millis(long nanos) {
    return BigDecimal.valueOf(nanos, 6).setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  /** {@code nanos} (possibly fractional, e.g. a mean) as milliseconds, 3 decimals. */
  public static BigDecimal millis(double nanos) {
    return new BigDecimal(nanos).movePointLeft(6).setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  /** {@code nanos} as seconds, 3 decimals. */
  public static BigDecimal seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  /** {@code count} per second over {@code windowNanos}, 3 decimals; 0 for an empty window. */
  public static BigDecimal perSecond(long count, long windowNanos) {
    if (windowNanos <= 0) {
      return BigDecimal.ZERO.setScale(SCALE);
    }
    return BigDecimal.valueOf(count)
        .multiply(NANOS_PER_SECOND)
        .divide(BigDecimal.valueOf(windowNanos), SCALE, RoundingMode.HALF_EVEN);
  }

  /** {@code part} as a percentage of {@code whole}, 2 decimals; 0 when {@code whole} is 0. */
  public static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(PERCENT_SCALE);
    }
    return BigDecimal.valueOf(part)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), PERCENT_SCALE, RoundingMode.HALF_EVEN);
  }
}
