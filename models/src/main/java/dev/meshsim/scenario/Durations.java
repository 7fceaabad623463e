package dev.meshsim.scenario;

import com.google.re2j.Pattern;
import dev.meshsim.yaml.YamlScalar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Go-style durations as Istio writes them ({@code 250ms}, {@code 1.5s}, {@code 1m30s}, {@code
 * 100us}/{@code 100µs}, {@code 0}), and rates ({@code 200/s}, {@code 12000/m}). Errors are {@link
 * IllegalArgumentException}s whose message is a complete sentence for the user.
 */
public final class Durations {

  /** Nanoseconds per unit, in the order the error message lists them. */
  private static final Map<String, Long> UNITS = new LinkedHashMap<>();

  static {
    UNITS.put("ns", 1L);
    UNITS.put("us", 1_000L);
    UNITS.put("µs", 1_000L); // U+00B5 MICRO SIGN, as Go accepts
    UNITS.put("μs", 1_000L); // U+03BC GREEK SMALL LETTER MU, likewise
    UNITS.put("ms", 1_000_000L);
    UNITS.put("s", 1_000_000_000L);
    UNITS.put("m", 60_000_000_000L);
    UNITS.put("h", 3_600_000_000_000L);
  }

  // re2j (linear time) rather than java.util.regex: "[0-9]+\\.?[0-9]*" backtracks quadratically on a
  // long run of digits with two dots, minutes for one line of a scenario.
  private static final Pattern ZERO = Pattern.compile("0+(\\.0*)?");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+\\.?[0-9]*|\\.[0-9]+");
  private static final Pattern COUNT = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
  private static final String UNIT_LIST = "ns, us (or µs), ms, s, m, h";
  private static final String EXAMPLES = "write e.g. 250ms, 1.5s or 1m30s";

  private Durations() {}

  /**
   * Parses a duration to nanoseconds. Like Go's {@code time.ParseDuration}: a sequence of decimal
   * numbers each with a unit, and a bare {@code 0}; fractions of a nanosecond are truncated. Unlike
   * Go, negative durations are rejected: no meshsim setting means anything negative.
   */
  public static long parseNanos(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration; " + EXAMPLES);
    }
    if (s.startsWith("-")) {
      throw new IllegalArgumentException("negative duration " + YamlScalar.quote(text) + "; durations must be >= 0");
    }
    if (s.startsWith("+")) {
      s = s.substring(1);
    }
    if (ZERO.matches(s)) {
      return 0; // Go accepts a bare zero without a unit
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int numEnd = scan(s, i, true);
      if (!NUMBER.matches(s.substring(i, numEnd))) {
        throw new IllegalArgumentException("invalid duration " + YamlScalar.quote(text) + "; " + EXAMPLES);
      }
      int unitEnd = scan(s, numEnd, false);
      String unit = s.substring(numEnd, unitEnd);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("missing unit in duration " + YamlScalar.quote(text) + "; valid units are " + UNIT_LIST);
      }
      Long nanos = UNITS.get(unit);
      if (nanos == null) {
        throw new IllegalArgumentException("unknown unit " + YamlScalar.quote(unit) + " in duration " + YamlScalar.quote(text)
            + "; valid units are " + UNIT_LIST);
      }
      total = total.add(new BigDecimal(s.substring(i, numEnd)).multiply(BigDecimal.valueOf(nanos)));
      i = unitEnd;
    }
    return toLongNanos(total, text);
  }

  /** The end of the run of number characters (digits and '.') or of unit characters from {@code from}. */
  private static int scan(String s, int from, boolean number) {
    int i = from;
    while (i < s.length() && isNumberChar(s.charAt(i)) == number) {
      i++;
    }
    return i;
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '.';
  }

  private static long toLongNanos(BigDecimal nanos, String text) {
    BigDecimal whole = nanos.setScale(0, RoundingMode.DOWN);
    if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("duration " + YamlScalar.quote(text) + " is too large (at most about 292 years)");
    }
    return whole.longValueExact();
  }

  /**
   * Parses a rate to events per second: {@code 200/s}, {@code 12000/m}, {@code 5/ms}, {@code
   * 0.5/s}, or a plain number meaning per second. Any duration unit may follow the slash.
   */
  public static double parseRatePerSecond(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String count = slash < 0 ? s : s.substring(0, slash).strip();
    if (!COUNT.matches(count)) {
      throw new IllegalArgumentException("invalid rate " + YamlScalar.quote(text) + "; write e.g. 200/s or 12000/m");
    }
    double perSecond = Double.parseDouble(count);
    if (slash < 0) {
      return perSecond;
    }
    String unit = s.substring(slash + 1).strip();
    Long nanos = UNITS.get(unit);
    if (nanos == null) {
      throw new IllegalArgumentException("unknown unit " + YamlScalar.quote(unit) + " in rate " + YamlScalar.quote(text)
          + "; write e.g. 200/s or 12000/m (units: " + UNIT_LIST + ")");
    }
    return perSecond * 1e9 / nanos;
  }

  /** A short human form of a duration, e.g. {@code 1.5s}, {@code 250ms}, {@code 20us}, for messages. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    // Only decimal units, so that the division always terminates.
    String[] units = {"s", "ms", "us", "ns"};
    for (String unit : units) {
      long per = UNITS.get(unit);
      if (nanos >= per) {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(per)).stripTrailingZeros().toPlainString() + unit;
      }
    }
    return nanos + "ns";
  }
}
