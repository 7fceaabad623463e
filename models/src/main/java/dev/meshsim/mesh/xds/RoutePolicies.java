package dev.meshsim.mesh.xds;

import dev.meshsim.istio.HttpFaultInjection;
import dev.meshsim.istio.HttpRetry;
import dev.meshsim.mesh.routing.FaultPolicy;
import dev.meshsim.mesh.routing.RetryPolicy;
import dev.meshsim.mesh.routing.RetryPolicy.RetryOn;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * istiod's translation of an HTTPRoute's {@code retries} ({@code retry.ConvertPolicy}) and {@code
 * fault} ({@code route.TranslateFault}) into Envoy route config.
 */
final class RoutePolicies {
  private RoutePolicies() {}

  /**
   * No {@code retries}: Istio's default policy. {@code attempts: 0}: no retry policy at all.
   * Otherwise {@code attempts} retries; {@code retryOn} replaces the default conditions, its
   * integers becoming retriable status codes (with {@code retriable-status-codes} added, Istio
   * ≥1.12); {@code backoff} sets Envoy's base interval with max 10× base. Under consistent hashing
   * ({@code consistentHash}: the route's one destination hashes) the defaults have no {@code
   * previous_hosts} predicate; {@code retryIgnorePreviousHosts}, when set, decides either way.
   */
  static RetryPolicy retry(HttpRetry retries, IstioProfile profile, boolean consistentHash) {
    RetryPolicy defaults = profile.defaultRetryPolicy(consistentHash);
    if (retries == null) {
      return defaults;
    }
    if (retries.disabled()) {
      return RetryPolicy.NONE;
    }
    Set<RetryOn> on = defaults.retryOn();
    Set<Integer> codes = defaults.retriableStatusCodes();
    if (retries.retryOn() != null && !retries.retryOn().isBlank()) {
      on = new LinkedHashSet<>();
      codes = new LinkedHashSet<>();
      for (String token : retries.retryOn().split(",")) {
        String t = token.strip();
        if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
          codes.add(Integer.parseInt(t));
          on.add(RetryOn.RETRIABLE_STATUS_CODES);
        } else {
          on.add(RetryOn.of(t));
        }
      }
    }
    long base = retries.backoffNanos() != null ? retries.backoffNanos() : defaults.backoffBaseNanos();
    boolean previousHosts = retries.retryIgnorePreviousHosts() == null
        ? defaults.previousHosts() : retries.retryIgnorePreviousHosts();
    long perTry = retries.perTryTimeoutNanos() == null ? 0 : retries.perTryTimeoutNanos();
    return new RetryPolicy(retries.attempts(), on, codes, perTry, base, 10 * base, previousHosts,
        defaults.hostSelectionMaxAttempts());
  }

  /**
   * Percentages are {@code percentage.value}; for delays the deprecated integer {@code percent}
   * applies when {@code percentage} is absent; with neither, the fault never fires. gRPC aborts are
   * not modelled (meshsim's apps speak HTTP).
   */
  static FaultPolicy fault(HttpFaultInjection fault) {
    if (fault == null) {
      return FaultPolicy.NONE;
    }
    long delay = 0;
    double delayPercent = 0;
    if (fault.delay() != null) {
      delay = fault.delay().fixedDelayNanos();
      Double p = fault.delay().percentage();
      delayPercent = p != null ? p : fault.delay().percent() != null ? fault.delay().percent() : 0;
    }
    int abortCode = 0;
    double abortPercent = 0;
    if (fault.abort() != null && fault.abort().httpStatus() != null) {
      abortCode = fault.abort().httpStatus();
      abortPercent = fault.abort().percentage() == null ? 0 : fault.abort().percentage();
    }
    return new FaultPolicy(delay, delayPercent, abortCode, abortPercent);
  }
}
