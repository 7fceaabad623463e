package dev.meshsim.plan;

/**
 * One term of an SLO, e.g. {@code p99<=200ms}: a metric and the limit it must stay on the right
 * side of. Several terms are ANDed. A term without a limit ({@code limit} NaN) only reports its
 * metric (a sweep without {@code --slo}).
 *
 * @param text the term as the user wrote it
 * @param metric what is measured
 * @param limit the bound, in the metric's unit; an upper bound if the metric's higher values are
 *     worse, else a lower bound
 */
public record SloTerm(String text, Metric metric, double limit) {

  /** A term that only reports {@code metric}. */
  public static SloTerm report(Metric metric) {
    return new SloTerm(metric.key(), metric, Double.NaN);
  }

  public boolean hasLimit() {
    return !Double.isNaN(limit);
  }

  /** Where an interval stands against the limit: clearly met, clearly missed, or straddling it. */
  public Verdict judge(Estimate e) {
    if (!hasLimit()) {
      return Verdict.PASS;
    }
    boolean upper = metric.higherIsWorse();
    double good = upper ? e.hi() : e.lo();
    double bad = upper ? e.lo() : e.hi();
    if (upper ? good <= limit : good >= limit) {
      return Verdict.PASS;
    }
    if (upper ? bad > limit : bad < limit) {
      return Verdict.FAIL;
    }
    return Verdict.UNCLEAR;
  }
}
