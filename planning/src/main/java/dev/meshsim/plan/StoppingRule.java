package dev.meshsim.plan;

import java.util.List;

/**
 * Sequential stopping: a point gets {@code minReps} replications, then one more at a time until
 * every term's 95% interval is either narrower than {@code relPrecision} of its mean or wholly on
 * one side of its SLO limit, or some term clearly fails, or {@code maxReps} is reached.
 *
 * @param minReps replications before the first look (at least 2: an interval needs two)
 * @param maxReps the most replications a point gets
 * @param relPrecision target half-width as a fraction of the mean (0.05 = 5%)
 */
public record StoppingRule(int minReps, int maxReps, double relPrecision) {

  public StoppingRule {
    if (minReps < 2) {
      throw new PlanInputException("--min-reps must be at least 2 (an interval needs two replications), got "
          + minReps + ".");
    }
    if (maxReps < minReps) {
      throw new PlanInputException("--max-reps (" + maxReps + ") must be at least --min-reps (" + minReps + ").");
    }
    if (!(relPrecision > 0 && relPrecision < 1)) {
      throw new PlanInputException("--rel-precision must be above 0% and below 100%.");
    }
  }

  /** Whether a point with these estimates, one per term, has enough replications. */
  public boolean stop(List<SloTerm> terms, List<Estimate> estimates) {
    int n = estimates.get(0).n();
    if (n >= maxReps) {
      return true;
    }
    boolean allSettled = true;
    for (int i = 0; i < terms.size(); i++) {
      Verdict v = terms.get(i).judge(estimates.get(i));
      if (v == Verdict.FAIL) {
        return true;
      }
      boolean clear = terms.get(i).hasLimit() && v == Verdict.PASS;
      allSettled &= clear || estimates.get(i).preciseTo(relPrecision);
    }
    return allSettled;
  }
}
