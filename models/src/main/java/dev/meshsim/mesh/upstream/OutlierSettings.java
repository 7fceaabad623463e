package dev.meshsim.mesh.upstream;

/**
 * Envoy's outlier detection as Istio configures it ({@code applyOutlierDetection}): consecutive
 * 5xx and consecutive gateway errors, success-rate ejection off ({@code enforcing_success_rate=0}).
 *
 * @param consecutive5xx threshold; 0 disables (Istio sets enforcing 0)
 * @param consecutiveGatewayErrors threshold; 0 disables (Envoy's default enforcing is 0)
 * @param intervalNanos the un-ejection (and multiplier decay) timer
 * @param baseEjectionNanos first ejection length; multiplied by the ejection count
 * @param maxEjectionNanos cap of the ejection length (Envoy: 300s, or the base if larger)
 * @param maxEjectionPercent at most this share of hosts ejected at once
 * @param firstEjectionRule how Envoy's version checks {@code maxEjectionPercent} for the first host
 */
public record OutlierSettings(
    int consecutive5xx,
    int consecutiveGatewayErrors,
    long intervalNanos,
    long baseEjectionNanos,
    long maxEjectionNanos,
    int maxEjectionPercent,
    EjectionRule firstEjectionRule) {

  /** How the max-ejection-percent check treats the next ejection (outlier_detection_impl.cc). */
  public enum EjectionRule {
    /** Envoy ≤1.26: eject if {@code 100*ejected/N < max%}; the first host always can be. */
    BEFORE_COUNT,
    /** Envoy 1.27 (PR #27624): {@code 100*(ejected+1)/N <= max%}, but the first always allowed. */
    AFTER_COUNT_FIRST_FREE,
    /** Envoy ≥1.28 (PR #27909, check_mep_on_first_eject): {@code 100*(ejected+1)/N <= max%} always. */
    AFTER_COUNT
  }

  /** Whether one more host may be ejected when {@code ejected} of {@code hosts} already are. */
  public boolean mayEject(int ejected, int hosts) {
    return switch (firstEjectionRule) {
      case BEFORE_COUNT -> 100L * ejected < (long) maxEjectionPercent * hosts;
      case AFTER_COUNT_FIRST_FREE -> ejected == 0 || 100L * (ejected + 1) <= (long) maxEjectionPercent * hosts;
      case AFTER_COUNT -> 100L * (ejected + 1) <= (long) maxEjectionPercent * hosts;
    };
  }
}
