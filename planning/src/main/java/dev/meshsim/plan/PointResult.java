package dev.meshsim.plan;

import java.util.List;

/**
 * One point tried: the parameter's value, how many replications it got, each SLO term's estimate
 * (in term order) and the verdict.
 *
 * @param key the parameter key
 * @param replications replications used for the estimates
 * @param estimates one per SLO term, in the order of the terms
 * @param verdict how the point stands against the SLO
 */
public record PointResult(long key, int replications, List<Estimate> estimates, Verdict verdict) {

  public PointResult {
    estimates = List.copyOf(estimates);
  }

  public boolean passes() {
    return verdict == Verdict.PASS;
  }
}
