package dev.meshsim.testkit.check;

import dev.meshsim.scenario.Durations;
import dev.meshsim.yaml.YamlNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound on a measured value: {@code "<=0.1%"}, {@code ">=99%"}, {@code "<5%"}, {@code "==0%"},
 * {@code "8%..12%"} for rates, {@code "<=50ms"} for latencies.
 *
 * @param op one of {@code <=, <, >=, >, ==, ..}
 * @param low the bound (the lower one for a range); a fraction for rates, nanoseconds for latencies
 * @param high the upper bound of a range, else equal to {@code low}
 * @param text as written
 */
public record Bound(String op, double low, double high, String text) {
  private static final Pattern SINGLE = Pattern.compile("\\s*(<=|>=|==|<|>)\\s*(\\S+)\\s*");
  private static final Pattern RANGE = Pattern.compile("\\s*(\\S+?)\\s*\\.\\.\\s*(\\S+)\\s*");

  public boolean holds(double value) {
    return switch (op) {
      case "<=" -> value <= low;
      case "<" -> value < low;
      case ">=" -> value >= low;
      case ">" -> value > low;
      case "==" -> value == low;
      default -> value >= low && value <= high;
    };
  }

  /** A rate bound; percentages in [0%, 100%]. */
  static Bound rate(YamlNode node) {
    return parse(node, "a rate bound such as \"<=0.1%\", \">=99%\" or \"8%..12%\"", Bound::percent);
  }

  /** A latency bound such as {@code "<=50ms"}. */
  static Bound latency(YamlNode node) {
    return parse(node, "a latency bound such as \"<=50ms\"", t -> (double) Durations.parseNanos(t));
  }

  private static Bound parse(YamlNode node, String what, java.util.function.Function<String, Double> value) {
    String text = node.asString();
    try {
      Matcher m = SINGLE.matcher(text);
      if (m.matches()) {
        double v = value.apply(m.group(2));
        return new Bound(m.group(1), v, v, text);
      }
      Matcher r = RANGE.matcher(text);
      if (r.matches()) {
        double lo = value.apply(r.group(1));
        double hi = value.apply(r.group(2));
        if (lo <= hi) {
          return new Bound("..", lo, hi, text);
        }
      }
    } catch (IllegalArgumentException e) {
      throw node.expected(what);
    }
    throw node.expected(what);
  }

  private static double percent(String t) {
    if (!t.endsWith("%")) {
      throw new IllegalArgumentException("not a percentage");
    }
    double v = Double.parseDouble(t.substring(0, t.length() - 1));
    if (!(v >= 0 && v <= 100)) {
      throw new IllegalArgumentException("out of range");
    }
    return v / 100;
  }

  @Override
  public String toString() {
    return text.strip();
  }
}
