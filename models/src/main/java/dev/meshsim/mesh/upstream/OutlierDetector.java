package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;

/**
 * Envoy's outlier detector for one client sidecar's view of one cluster (envoy {@code
 * source/common/upstream/outlier_detection_impl.cc}; docs {@code arch_overview/upstream/outlier}):
 *
 * <ul>
 *   <li>consecutive 5xx and gateway-error counters per host; a success resets both, a non-gateway
 *       5xx resets the gateway counter; local-origin failures count as 503 (connect) or 504
 *       (timeout), as in Envoy's default non-split mode;
 *   <li>ejection is inline, when a counter reaches its threshold exactly; the counter is reset
 *       whether or not {@code maxEjectionPercent} allowed the ejection;
 *   <li>an ejection lasts {@code base × multiplier} capped at {@code maxEjectionTime}; the
 *       multiplier grows on each ejection and decays by one per interval tick that finds the host
 *       healthy (not the tick that un-ejects it, as in {@code checkHostForUneject});
 *   <li>un-ejection happens only on the interval timer, armed when the detector is created.
 * </ul>
 */
public final class OutlierDetector {
  /** Where ejections are reported. */
  public interface Listener {
    void onEjection(int host, boolean ejected, boolean enforced);
  }

  private final OutlierSettings settings;
  private final Simulation sim;
  private final Listener listener;
  private final int[] consecutive5xx;
  private final int[] consecutiveGateway;
  private final boolean[] ejected;
  private final long[] ejectedAt;
  private final int[] multiplier;
  private long nextTick;
  private boolean stopped;
  private int ejectedCount;

  public OutlierDetector(OutlierSettings settings, int hosts, Simulation sim, Listener listener) {
    this.settings = settings;
    this.sim = sim;
    this.listener = listener;
    this.consecutive5xx = new int[hosts];
    this.consecutiveGateway = new int[hosts];
    this.ejected = new boolean[hosts];
    this.ejectedAt = new long[hosts];
    this.multiplier = new int[hosts];
    armTimer(sim.now() + settings.intervalNanos());
  }

  /**
   * The detector after an endpoint (EDS) update: Envoy keeps each remaining host's monitor, so its
   * counters, ejection and multiplier carry over, and the interval timer keeps its phase. {@code
   * previousIndex[h]} is host h's index in {@code previous}, or -1 for a new host. The previous
   * detector stops.
   */
  public OutlierDetector(OutlierDetector previous, int[] previousIndex, Listener listener) {
    this.settings = previous.settings;
    this.sim = previous.sim;
    this.listener = listener;
    int hosts = previousIndex.length;
    this.consecutive5xx = new int[hosts];
    this.consecutiveGateway = new int[hosts];
    this.ejected = new boolean[hosts];
    this.ejectedAt = new long[hosts];
    this.multiplier = new int[hosts];
    for (int h = 0; h < hosts; h++) {
      int o = previousIndex[h];
      if (o >= 0) {
        consecutive5xx[h] = previous.consecutive5xx[o];
        consecutiveGateway[h] = previous.consecutiveGateway[o];
        ejected[h] = previous.ejected[o];
        ejectedAt[h] = previous.ejectedAt[o];
        multiplier[h] = previous.multiplier[o];
        ejectedCount += ejected[h] ? 1 : 0;
      }
    }
    previous.stop();
    armTimer(previous.nextTick);
  }

  /** No more interval ticks: the cluster version this detector served was replaced. */
  public void stop() {
    stopped = true;
  }

  private void armTimer(long at) {
    nextTick = at;
    sim.scheduleAt(at, this::onIntervalTimer);
  }

  public boolean isEjected(int host) {
    return ejected[host];
  }

  /** The final HTTP status of one attempt on {@code host} (local-origin failures mapped to 503/504). */
  public void putHttpResponseCode(int host, int code) {
    if (code < 500) {
      consecutive5xx[host] = 0;
      consecutiveGateway[host] = 0;
      return;
    }
    boolean gateway = code == 502 || code == 503 || code == 504;
    if (gateway) {
      if (++consecutiveGateway[host] == settings.consecutiveGatewayErrors()) {
        onConsecutiveErrors(host, consecutiveGateway);
      }
    } else {
      consecutiveGateway[host] = 0;
    }
    if (++consecutive5xx[host] == settings.consecutive5xx()) {
      onConsecutiveErrors(host, consecutive5xx);
    }
  }

  private void onConsecutiveErrors(int host, int[] counter) {
    if (!ejected[host]) {
      eject(host);
      counter[host] = 0;
    }
  }

  private void eject(int host) {
    if (!settings.mayEject(ejectedCount, ejected.length)) {
      listener.onEjection(host, true, false);
      return;
    }
    long base = settings.baseEjectionNanos();
    if ((long) multiplier[host] * base < settings.maxEjectionNanos() + base) {
      multiplier[host]++;
    }
    ejected[host] = true;
    ejectedAt[host] = sim.now();
    ejectedCount++;
    listener.onEjection(host, true, true);
  }

  private void onIntervalTimer() {
    if (stopped) {
      return;
    }
    long now = sim.now();
    for (int h = 0; h < ejected.length; h++) {
      if (!ejected[h]) {
        // Healthy since the last tick (checkHostForUneject's first branch). A host un-ejected on
        // this very tick keeps its multiplier: re-ejected before the next tick, it stays out longer.
        if (multiplier[h] > 0) {
          multiplier[h]--;
        }
        continue;
      }
      long duration = Math.min(settings.baseEjectionNanos() * multiplier[h], settings.maxEjectionNanos());
      if (now - ejectedAt[h] >= duration) {
        ejected[h] = false;
        ejectedCount--;
        consecutive5xx[h] = 0;
        consecutiveGateway[h] = 0;
        listener.onEjection(h, false, true);
      }
    }
    armTimer(now + settings.intervalNanos());
  }
}
