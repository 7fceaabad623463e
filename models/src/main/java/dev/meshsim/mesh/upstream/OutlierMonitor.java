package dev.meshsim.mesh.upstream;

/**
 * One host's outlier state (Envoy's {@code DetectorHostMonitorImpl}, {@code
 * source/common/upstream/outlier_detection_impl.cc}): its consecutive-error counters, whether it is
 * ejected and since when, and its ejection multiplier. It lives with its {@link Host}, so a host
 * kept by an endpoint update keeps it. Results reported after the host left the cluster, or after
 * its cluster was replaced, are dropped, as Envoy's monitor drops them once its detector no longer
 * tracks the host.
 */
public final class OutlierMonitor {
  /** A monitor for a cluster without outlier detection: never ejected, results ignored. */
  static OutlierMonitor none() {
    return new OutlierMonitor(null);
  }

  private OutlierDetector detector;
  private Host host;
  private int consecutive5xx;
  private int consecutiveGateway;
  private boolean ejected;
  private long ejectedAt;
  private int multiplier;

  OutlierMonitor(OutlierDetector detector) {
    this.detector = detector;
  }

  void bind(Host owner) {
    this.host = owner;
  }

  Host host() {
    return host;
  }

  /** The detector stops tracking this host: later results change nothing. */
  void detach() {
    detector = null;
  }

  public boolean ejected() {
    return ejected;
  }

  /** The multiplier of the next ejection's duration (for tests). */
  public int multiplier() {
    return multiplier;
  }

  /**
   * Ejects the host now; the multiplier grows unless the next duration would pass the cap by a
   * whole base already ({@code DetectorImpl::ejectHost}).
   */
  void eject(long now, OutlierSettings settings) {
    long base = settings.baseEjectionNanos();
    if ((long) multiplier * base < settings.maxEjectionNanos() + base) {
      multiplier++;
    }
    ejected = true;
    ejectedAt = now;
  }

  /**
   * One interval tick ({@code checkHostForUneject}): a healthy host's multiplier decays by one; an
   * ejected host whose time is up is un-ejected, its counters reset, and keeps its multiplier.
   * Returns whether it was un-ejected.
   */
  boolean onIntervalTick(long now, OutlierSettings settings) {
    if (!ejected) {
      if (multiplier > 0) {
        multiplier--;
      }
      return false;
    }
    long duration = Math.min(settings.baseEjectionNanos() * multiplier, settings.maxEjectionNanos());
    if (now - ejectedAt < duration) {
      return false;
    }
    ejected = false;
    consecutive5xx = 0;
    consecutiveGateway = 0;
    return true;
  }

  /**
   * The final HTTP status of one attempt (local-origin failures mapped to 503/504, as in Envoy's
   * default non-split mode). A success resets both counters, a non-gateway 5xx the gateway one.
   */
  public void putHttpResponseCode(int code) {
    if (detector == null) {
      return;
    }
    if (code < 500) {
      consecutive5xx = 0;
      consecutiveGateway = 0;
      return;
    }
    boolean gateway = code == 502 || code == 503 || code == 504;
    if (gateway) {
      if (++consecutiveGateway == detector.settings().consecutiveGatewayErrors()) {
        if (detector.onConsecutiveErrors(this)) {
          consecutiveGateway = 0;
        }
      }
    } else {
      consecutiveGateway = 0;
    }
    if (++consecutive5xx == detector.settings().consecutive5xx()) {
      if (detector.onConsecutiveErrors(this)) {
        consecutive5xx = 0;
      }
    }
  }
}
