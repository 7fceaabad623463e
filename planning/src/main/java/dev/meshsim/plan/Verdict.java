package dev.meshsim.plan;

/**
 * How a point stands against the SLO, judged on 95% intervals: {@code PASS} when every term's
 * interval lies on the good side of its limit, {@code FAIL} when some term's interval lies wholly
 * on the bad side, {@code UNCLEAR} when an interval straddles a limit even after the replications
 * allowed. Searches count only {@code PASS} as meeting the SLO: an answer is a value that meets it
 * with 95% confidence, not one that might.
 */
public enum Verdict {
  PASS, FAIL, UNCLEAR;

  /** The lower-case name reports print. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Both terms combined, as the AND of the SLO. */
  Verdict and(Verdict other) {
    if (this == FAIL || other == FAIL) {
      return FAIL;
    }
    return this == UNCLEAR || other == UNCLEAR ? UNCLEAR : PASS;
  }
}
