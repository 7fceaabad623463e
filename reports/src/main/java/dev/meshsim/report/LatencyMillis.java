package dev.meshsim.report;

import java.math.BigDecimal;
import org.HdrHistogram.Histogram;

/**
 * Latency figures of a set of requests in milliseconds, 3 decimals, exact and deterministic.
 * Percentiles and max are HdrHistogram's highest equivalent values (within 0.1% of the recorded
 * value). Every field is null when no request was recorded.
 */
public record LatencyMillis(
    BigDecimal mean, BigDecimal p50, BigDecimal p90, BigDecimal p99, BigDecimal p999,
    BigDecimal max) {

  /** The figures of no requests at all: every field null. */
  public static final LatencyMillis NONE = new LatencyMillis(null, null, null, null, null, null);

  /** Reads the figures of a histogram of latencies in nanoseconds. */
  public static LatencyMillis of(Histogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return NONE;
    }
    return new LatencyMillis(
        Decimals.millis(nanos.getMean()),
        at(nanos, 50.0),
        at(nanos, 90.0),
        at(nanos, 99.0),
        at(nanos, 99.9),
        Decimals.millis(nanos.getMaxValue()));
  }

  /** Whether there was nothing to measure. */
  public boolean isEmpty() {
    return mean == null;
  }

  private static BigDecimal at(Histogram nanos, double percentile) {
    return Decimals.millis(nanos.getValueAtPercentile(percentile));
  }
}
