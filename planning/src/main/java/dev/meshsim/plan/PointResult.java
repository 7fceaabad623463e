package dev.meshsim.plan;

import java.util.List;

/**
 * One point tried: the parameter's value, how many replications it got, each SLO term's estimate
 * (in term order) and the verdict.
 *
 * @param key the parameter key
 * @param replications replications used for the estimates
 * @param estimates one per SLO term, in the order of the terms; none for an overloaded point
 * @param verdict how the point stands against the SLO
 * @param overloaded whether a replication stopped overloaded ({@link #overloaded(long, int)})
 */
public record PointResult(long key, int replications, List<Estimate> estimates, Verdict verdict, boolean overloaded) {

  public PointResult {
    estimates = List.copyOf(estimates);
  }

  /**
   * A point where a replication stopped overloaded (its backlog passed meshsim's bound on requests
   * in flight): the mesh cannot serve that load, so it fails every SLO, and there is nothing to
   * estimate.
   */
  public static PointResult overloaded(long key, int replications) {
    return new PointResult(key, replications, List.of(), Verdict.FAIL, true);
  }

  public boolean passes() {
    return verdict == Verdict.PASS;
  }
}
