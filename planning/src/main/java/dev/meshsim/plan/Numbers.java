package dev.meshsim.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as reports print them: six significant digits, no exponent. Rounding in decimal, once,
 * makes outputs the same on every JVM whatever its shortest-repr double printing does.
 */
public final class Numbers {
  private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

  private Numbers() {}

  public static BigDecimal round(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite number: " + v);
    }
    BigDecimal d = new BigDecimal(v).round(SIX).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }
}
