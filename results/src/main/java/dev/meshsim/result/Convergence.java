package dev.meshsim.result;

import java.util.Arrays;

/**
 * How long one config change took to reach the sidecars, like istiod's {@code
 * pilot_proxy_convergence_time} but measured until each proxy had <em>applied</em> it.
 *
 * @param change what changed, e.g. {@code apply reviews-v2.yaml} or {@code endpoints +reviews-v2-3}
 * @param atNanos when it happened: the timeline action, or the pod's readiness change for endpoints
 * @param full true for a config change (all four xDS types must carry it), false for an endpoints
 *     change (EDS only)
 * @param version the first push version that included it, or -1 if no push did
 * @param sidecars the sidecars that were ready when it happened, whose convergence is measured: those
 *     istiod pushed it to (a sidecar whose Sidecar scope does not depend on it is skipped, istio
 *     {@code DependsOnConfig}, and not counted)
 * @param lost of those, how many went away before they had it
 * @param samplesNanos for each sidecar that got it, the time from {@code atNanos}, ascending
 */
public record Convergence(
    String change, long atNanos, boolean full, long version, int sidecars, int lost, long[] samplesNanos) {

  public Convergence {
    samplesNanos = samplesNanos.clone();
    Arrays.sort(samplesNanos);
  }

  /** Sidecars that never had it by the end of the run (neither converged nor lost). */
  public int pending() {
    return sidecars - lost - samplesNanos.length;
  }

  /** The nearest-rank quantile {@code q} in [0, 1] of the samples, or -1 without samples. */
  public long quantileNanos(double q) {
    if (samplesNanos.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(q * samplesNanos.length);
    return samplesNanos[Math.max(0, Math.min(samplesNanos.length - 1, rank - 1))];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Convergence c && change.equals(c.change) && atNanos == c.atNanos && full == c.full
        && version == c.version && sidecars == c.sidecars && lost == c.lost
        && Arrays.equals(samplesNanos, c.samplesNanos);
  }

  @Override
  public int hashCode() {
    return change.hashCode() * 31 + Arrays.hashCode(samplesNanos);
  }

  @Override
  public String toString() {
    return "Convergence[" + change + " at " + atNanos + ", version " + version + ", " + samplesNanos.length + "/"
        + sidecars + "]";
  }
}
