package dev.meshsim.report.fortio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The strings fortio writes with Go's formatting: {@code time.Duration.String()}, {@code %.9g}, RFC 3339. */
final class GoFormat {
  private GoFormat() {}

  /** Go's {@code time.Duration(nanos).String()} for whole milliseconds and up: {@code 1m0s}, {@code 1.5s}, {@code 2h0m0s}. */
  static String duration(long nanos) {
    if (nanos < 1_000_000_000L) {
      return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
    }
    long hours = nanos / 3_600_000_000_000L;
    long minutes = nanos / 60_000_000_000L % 60;
    String seconds = BigDecimal.valueOf(nanos % 60_000_000_000L, 9).stripTrailingZeros().toPlainString() + "s";
    if (hours > 0) {
      return hours + "h" + minutes + "m" + seconds;
    }
    return minutes > 0 ? minutes + "m" + seconds : seconds;
  }

  /** {@code fmt.Sprintf("%.9g", qps)} for the rates scenarios use. */
  static String qps(double qps) {
    return new BigDecimal(qps).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
  }

  /** RFC 3339 with nanoseconds as Go marshals a {@code time.Time}, from the simulated clock's zero. */
  static String startTime(long simulatedNanos) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.EPOCH.plusNanos(simulatedNanos));
  }
}
