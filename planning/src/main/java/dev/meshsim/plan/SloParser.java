package dev.meshsim.plan;

import dev.meshsim.scenario.Durations;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --slo} terms: {@code pNN<=D}, {@code pNN.N<=D}, {@code mean<=D}, {@code
 * errors<=X%}, {@code flag:UO<=X%}, {@code throughput>=R}. Every problem is one paragraph naming
 * the argument and what was expected.
 */
public final class SloParser {

  /** Envoy's short response flags (envoy/docs access log "%RESPONSE_FLAGS%"). */
  static final Set<String> ENVOY_FLAGS = Set.of("UH", "UF", "UO", "NR", "URX", "NC", "DT", "DC", "LH", "UT",
      "LR", "UR", "UC", "DI", "FI", "RL", "UAEX", "RLSE", "IH", "SI", "DPE", "UPE", "UMSDR", "OM", "DF", "DO",
      "DR");
  private static final String FORMS = "pNN<=D or pNN.N<=D (latency percentile, e.g. p99<=200ms), mean<=D,"
      + " errors<=X% (non-2xx), flag:UO<=X% (any Envoy response flag) or throughput>=R (requests/s)";
  private static final Pattern TERM = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9.:]*)\\s*(<=|>=|<|>|=)\\s*(.*?)\\s*");
  private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  private SloParser() {}

  /** Every term, in the order given. */
  public static List<SloTerm> parse(List<String> terms) {
    return terms.stream().map(SloParser::parse).toList();
  }

  public static SloTerm parse(String text) {
    Matcher m = TERM.matcher(text);
    if (!m.matches()) {
      throw bad(text, "expected one of " + FORMS);
    }
    Metric metric = metric(text, m.group(1));
    String op = m.group(2);
    String wanted = metric.higherIsWorse() ? "<=" : ">=";
    if (!op.equals(wanted)) {
      throw bad(text, metric.key() + " is " + (metric.higherIsWorse() ? "an upper" : "a lower")
          + " bound: write " + metric.key() + wanted + m.group(3));
    }
    return new SloTerm(text, metric, limit(text, metric, m.group(3)));
  }

  /** The metric of {@code --slo} parameter {@code key}. */
  public static Metric metric(String text, String key) {
    Matcher p = PERCENTILE.matcher(key);
    if (p.matches()) {
      double q = Double.parseDouble(p.group(1));
      if (q <= 0 || q >= 100) {
        throw bad(text, "a percentile is above 0 and below 100 (p50, p99, p99.9), got " + key);
      }
      return new Metric.Percentile(q);
    }
    if (key.startsWith("flag:")) {
      String flag = key.substring(5);
      if (!ENVOY_FLAGS.contains(flag)) {
        throw bad(text, "\"" + flag + "\" is not an Envoy response flag; expected one of "
            + String.join(", ", ENVOY_FLAGS.stream().sorted().toList()));
      }
      return new Metric.Flag(flag);
    }
    return switch (key) {
      case "mean" -> new Metric.Mean();
      case "errors" -> new Metric.Errors();
      case "throughput" -> new Metric.Throughput();
      default -> throw bad(text, "unknown metric \"" + key + "\"; expected one of " + FORMS);
    };
  }

  private static double limit(String text, Metric metric, String value) {
    return switch (metric.unit()) {
      case "ms" -> latencyLimit(text, value);
      case "%" -> percentLimit(text, value);
      default -> rateLimit(text, value);
    };
  }

  private static double latencyLimit(String text, String value) {
    long nanos;
    try {
      nanos = Durations.parseNanos(value);
    } catch (IllegalArgumentException e) {
      throw bad(text, "expected a duration such as 200ms, 1.5s or 500us after the operator, got \"" + value + "\"");
    }
    if (nanos <= 0) {
      throw bad(text, "the latency limit must be above 0, got " + value);
    }
    return nanos / 1e6;
  }

  private static double percentLimit(String text, String value) {
    if (!value.endsWith("%") || !NUMBER.matcher(value.substring(0, value.length() - 1)).matches()) {
      throw bad(text, "expected a percentage such as 0.1% after the operator, got \"" + value + "\"");
    }
    double pct = Double.parseDouble(value.substring(0, value.length() - 1));
    if (pct > 100) {
      throw bad(text, "a percentage of requests is between 0% and 100%, got " + value);
    }
    return pct;
  }

  private static double rateLimit(String text, String value) {
    String number = value.endsWith("/s") ? value.substring(0, value.length() - 2) : value;
    if (!NUMBER.matcher(number).matches()) {
      throw bad(text, "expected a rate in requests per second such as 500 or 500/s, got \"" + value + "\"");
    }
    return Double.parseDouble(number);
  }

  private static PlanInputException bad(String text, String problem) {
    return new PlanInputException("--slo '" + text + "': " + problem + ".");
  }
}
