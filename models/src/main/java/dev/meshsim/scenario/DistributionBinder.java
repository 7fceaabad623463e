package dev.meshsim.scenario;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.yaml.Suggestions;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Distributions of durations, in nanoseconds: a plain duration ({@code 10ms}) is a constant;
 * otherwise {@code {distribution: <family>, …}}.
 */
final class DistributionBinder {

  static final List<String> FAMILIES =
      List.of("constant", "exponential", "lognormal", "gamma", "uniform", "empirical");
  private static final Pattern PERCENTILE = Pattern.compile("p([0-9]{2,})");
  private static final Pattern NOT_A_QUANTILE = Pattern.compile("0+|10{2,}");
  private static final String KIND = "distribution";

  private DistributionBinder() {}

  /**
   * The distribution written at {@code node}, after checking that its p99.99 fits the clock
   * horizon ({@link ScenarioLimits#MAX_DRAW_NANOS}): a far larger tail (sigma 1000, a mean of
   * 2000000h) can only overflow the clock. Draws beyond p99.99 are clamped by the engine ({@link
   * Distribution#MAX_DRAW}), far past any run's end.
   */
  static Distribution bind(YamlNode node) {
    Distribution d = family(node);
    double p9999 = d.quantile(0.9999);
    if (!(p9999 <= ScenarioLimits.MAX_DRAW_NANOS)) {
      throw node.fail("this distribution's p99.99 is " + describe(p9999) + "; one draw may take at most "
          + ScenarioLimits.MAX_DRAW_TEXT + " (meshsim's clock horizon: twice the longest duration)");
    }
    return d;
  }

  /** A quantile for a message: a duration, or hours when beyond any duration. */
  private static String describe(double nanos) {
    if (!Double.isFinite(nanos)) {
      return "not a finite number";
    }
    return nanos < 1e15 ? Durations.format((long) nanos) : String.format(java.util.Locale.ROOT, "%.3gh", nanos / 3.6e12);
  }

  private static Distribution family(YamlNode node) {
    if (node instanceof YamlScalar) {
      return new Distribution.Constant(Fields.duration(node));
    }
    YamlMap m = node.asMap();
    YamlNode kindNode = m.required(KIND);
    String family = kindNode.asString();
    return switch (family) {
      case "constant" -> new Distribution.Constant(Fields.duration(m.allowOnly(KIND, "value").required("value")));
      case "exponential" -> new Distribution.Exponential(positive(m.allowOnly(KIND, "mean"), "mean"));
      case "lognormal" -> logNormal(m.allowOnly(KIND, "median", "mean", "sigma"));
      case "gamma" -> new Distribution.Gamma(m.allowOnly(KIND, "shape", "mean").required("shape")
          .asDouble(ScenarioLimits.MIN_GAMMA_SHAPE, ScenarioLimits.MAX_GAMMA_SHAPE), positive(m, "mean"));
      case "uniform" -> uniform(m.allowOnly(KIND, "min", "max"));
      case "empirical" -> empirical(m);
      default -> throw kindNode.fail("unknown distribution " + YamlScalar.quote(family)
          + Suggestions.didYouMean(family, FAMILIES) + " Known: " + String.join(", ", FAMILIES) + ".");
    };
  }

  /** A required duration > 0, as a double number of nanoseconds. */
  private static double positive(YamlMap m, String key) {
    YamlNode node = m.required(key);
    long nanos = Fields.duration(node);
    if (nanos <= 0) {
      throw node.fail(key + " must be > 0");
    }
    return nanos;
  }

  /** {@code median} directly, or from {@code mean}: E[X] = median * exp(sigma^2 / 2). */
  private static Distribution logNormal(YamlMap m) {
    double sigma = m.required("sigma").asDouble(0, ScenarioLimits.MAX_SIGMA);
    if (m.has("median") == m.has("mean")) {
      throw m.fail("a lognormal distribution needs exactly one of median or mean");
    }
    if (m.has("median")) {
      return new Distribution.LogNormal(positive(m, "median"), sigma);
    }
    return new Distribution.LogNormal(positive(m, "mean") / StrictMath.exp(sigma * sigma / 2), sigma);
  }

  private static Distribution uniform(YamlMap m) {
    double min = Fields.duration(m.required("min"));
    YamlNode maxNode = m.required("max");
    double max = Fields.duration(maxNode);
    if (max < min) {
      throw maxNode.fail("max must be >= min");
    }
    return new Distribution.Uniform(min, max);
  }

  /** {@code pNN} means quantile 0.NN: p50 = 0.5, p999 = 0.999. */
  private static Distribution empirical(YamlMap m) {
    Map<Double, YamlNode> byQuantile = new TreeMap<>();
    for (String key : m.keys()) {
      if (key.equals(KIND) || key.equals("min")) {
        continue;
      }
      Matcher pm = PERCENTILE.matcher(key);
      if (!pm.matches() || NOT_A_QUANTILE.matches(pm.group(1))) {
        throw m.failAtKey(key, YamlMap.unknownKeyProblem(key, List.of(KIND, "min", "p50", "p90", "p99", "p999"),
            "distribution, min, and percentiles pNN… meaning quantile 0.NN… (p05, p50, p90, p99, p999;"
                + " there is no p100: the tail above the last point is exponential)"));
      }
      double q = Double.parseDouble("0." + pm.group(1));
      if (byQuantile.put(q, m.get(key)) != null) {
        throw m.failAtKey(key, "quantile " + q + " is given twice");
      }
    }
    if (byQuantile.isEmpty()) {
      throw m.fail("an empirical distribution needs at least one percentile, e.g. p50: 10ms");
    }
    double min = Fields.duration(m, "min", 0);
    return new Distribution.Empirical(min, points(byQuantile, min));
  }

  private static List<Distribution.Empirical.Point> points(Map<Double, YamlNode> byQuantile, double min) {
    List<Distribution.Empirical.Point> points = new ArrayList<>();
    double previous = min;
    for (Map.Entry<Double, YamlNode> e : byQuantile.entrySet()) {
      double v = Fields.duration(e.getValue());
      if (v <= previous) {
        throw e.getValue().fail("percentile values must increase strictly with the percentile (and exceed min)");
      }
      points.add(new Distribution.Empirical.Point(e.getKey(), v));
      previous = v;
    }
    return points;
  }
}
