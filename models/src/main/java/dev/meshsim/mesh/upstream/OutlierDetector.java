package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;
import java.util.List;

/**
 * Envoy's outlier detector for one client sidecar's view of one cluster (envoy {@code
 * source/common/upstream/outlier_detection_impl.cc}, {@code DetectorImpl}; docs {@code
 * arch_overview/upstream/outlier}). The per-host state lives in each host's {@link OutlierMonitor};
 * the detector decides ejections and runs the interval timer over the cluster's current hosts:
 *
 * <ul>
 *   <li>ejection is inline, when a counter reaches its threshold exactly; the counter is reset
 *       whether or not {@code maxEjectionPercent} allowed the ejection;
 *   <li>an ejection lasts {@code base × multiplier} capped at {@code maxEjectionTime}; the
 *       multiplier grows on each ejection and decays by one per interval tick that finds the host
 *       healthy (not the tick that un-ejects it, as in {@code checkHostForUneject});
 *   <li>un-ejection happens only on the interval timer, armed when the detector is created; an
 *       endpoint update keeps the timer's phase (the detector is the cluster's, not the version's).
 * </ul>
 */
public final class OutlierDetector {
  /** Where ejections are reported. */
  public interface Listener {
    void onEjection(Host host, boolean ejected, boolean enforced);
  }

  private final OutlierSettings settings;
  private final Simulation sim;
  private final Listener listener;
  private List<Host> hosts = List.of();
  private int ejectedCount;
  private boolean stopped;

  public OutlierDetector(OutlierSettings settings, Simulation sim, Listener listener) {
    this.settings = settings;
    this.sim = sim;
    this.listener = listener;
  }

  /** Arms the interval timer: the first tick one interval from now. */
  void start() {
    armTimer(sim.now() + settings.intervalNanos());
  }

  OutlierSettings settings() {
    return settings;
  }

  /** A monitor for a host joining the cluster. */
  OutlierMonitor newMonitor() {
    return new OutlierMonitor(this);
  }

  /**
   * The cluster's hosts are now {@code current}; {@code removed} left it and are no longer tracked
   * (Envoy's member-update callback erases their monitors).
   */
  void hostsChanged(List<Host> current, List<Host> removed) {
    removed.forEach(h -> h.outlier().detach());
    hosts = current;
    ejectedCount = 0;
    for (Host h : current) {
      ejectedCount += h.outlier().ejected() ? 1 : 0;
    }
  }

  /** The cluster was replaced: no more ticks, and its hosts' results are no longer heard. */
  void stop() {
    stopped = true;
    hosts.forEach(h -> h.outlier().detach());
  }

  /** Hosts ejected now. */
  public int ejectedCount() {
    return ejectedCount;
  }

  private void armTimer(long at) {
    sim.scheduleAt(at, this::onIntervalTimer);
  }

  /**
   * A counter of {@code m} reached its threshold. Returns whether the counter resets: it does when
   * the host was not ejected yet, whether or not {@code maxEjectionPercent} let the ejection through.
   */
  boolean onConsecutiveErrors(OutlierMonitor m) {
    if (m.ejected()) {
      return false;
    }
    eject(m);
    return true;
  }

  private void eject(OutlierMonitor m) {
    if (!settings.mayEject(ejectedCount, hosts.size())) {
      listener.onEjection(m.host(), true, false);
      return;
    }
    m.eject(sim.now(), settings);
    ejectedCount++;
    listener.onEjection(m.host(), true, true);
  }

  private void onIntervalTimer() {
    if (stopped) {
      return;
    }
    long now = sim.now();
    for (Host h : hosts) {
      // A host un-ejected on this very tick keeps its multiplier: re-ejected before the next tick,
      // it stays out longer.
      if (h.outlier().onIntervalTick(now, settings)) {
        ejectedCount--;
        listener.onEjection(h, false, true);
      }
    }
    armTimer(now + settings.intervalNanos());
  }
}
