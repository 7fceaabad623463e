package dev.meshsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void millisRoundHalfToEven() {
    assertEquals("1.000", Decimals.millis(1_000_500L).toPlainString());
    assertEquals("1.002", Decimals.millis(1_001_500L).toPlainString());
    assertEquals("1.001", Decimals.millis(1_000_501L).toPlainString());
    assertEquals("0.000", Decimals.millis(0L).toPlainString());
    assertEquals("3600000.000", Decimals.millis(3_600_000_000_000L).toPlainString());
  }

  @Test
  void fractionalMillisUseTheExactBinaryValue() {
    // 0.1 ns is slightly above 1/10 in binary, but far below half a microsecond.
    assertEquals("0.000", Decimals.millis(0.1).toPlainString());
    assertEquals("0.126", Decimals.millis(125_774.0).toPlainString());
    assertEquals("1234.568", Decimals.millis(1_234_567_890.5).toPlainString());
  }

  @Test
  void secondsAndRates() {
    assertEquals("61.500", Decimals.seconds(61_500_000_000L).toPlainString());
    assertEquals("0.667", Decimals.perSecond(2, 3_000_000_000L).toPlainString());
    assertEquals("0.000", Decimals.perSecond(5, 0).toPlainString());
  }

  @Test
  void percentages() {
    assertEquals("65.89", Decimals.percent(985, 1495).toPlainString());
    assertEquals("100.00", Decimals.percent(7, 7).toPlainString());
    assertEquals("0.00", Decimals.percent(0, 0).toPlainString());
  }
}
