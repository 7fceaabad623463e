package dev.meshsim.mesh.xds;

import dev.meshsim.engine.Simulation;
import dev.meshsim.timeline.ControlPlaneSettings;

/**
 * istiod's debounce ({@code pilot/pkg/xds/discovery.go} {@code debounce}): config and endpoint
 * events are batched so that a burst of changes costs one push, not one each.
 *
 * <p>The first event of a batch arms a timer of {@code debounceAfter}; when it fires, the batch is
 * pushed if the last event is at least {@code debounceAfter} old or the first at least {@code
 * debounceMax} old, else the timer is re-armed for the rest of the quiet period. Endpoint-only
 * events bypass the debounce when {@code PILOT_ENABLE_EDS_DEBOUNCE} is false.
 *
 * <p>One push at a time (the {@code free} flag): while a debounced push builds its push context,
 * a due batch waits, and is pushed as soon as that push has started ({@code freeCh}).
 */
final class Debouncer {
  /** What runs a batch: istiod's {@code DiscoveryServer.Push}. */
  @FunctionalInterface
  interface PushFn {
    void push(PushRequest request, boolean debounced);
  }

  private final Simulation sim;
  private final ControlPlaneSettings settings;
  private final PushFn pushFn;
  private PushRequest pending;
  private int debouncedEvents;
  private long startDebounce;
  private long lastEvent;
  private boolean free = true;

  Debouncer(Simulation sim, ControlPlaneSettings settings, PushFn pushFn) {
    this.sim = sim;
    this.settings = settings;
    this.pushFn = pushFn;
  }

  /** A config ({@code full}) or endpoints event of unknown scope reached istiod. */
  void event(boolean full, ConvergenceTracker.Change change) {
    event(full, change, null);
  }

  /** @param key what changed ({@link ProxyDependencies}'s keys), or null: every proxy may depend on it */
  void event(boolean full, ConvergenceTracker.Change change, String key) {
    if (change != null) {
      change.inputArrived();
    }
    if (!settings.edsDebounce() && !full) {
      PushRequest r = new PushRequest();
      r.merge(false, change, key);
      pushFn.push(r, false); // "trigger push now, just for EDS"
      return;
    }
    lastEvent = sim.now();
    if (debouncedEvents == 0) {
      sim.schedule(settings.debounceAfterNanos(), this::onDebounceTimer);
      startDebounce = lastEvent;
    }
    debouncedEvents++;
    if (pending == null) {
      pending = new PushRequest();
    }
    pending.merge(full, change, key);
  }

  /** {@code freeCh}: the debounced push has started; the next batch may be due already. */
  void pushStarted() {
    free = true;
    pushWorker();
  }

  private void onDebounceTimer() {
    if (free) {
      pushWorker();
    }
  }

  private void pushWorker() {
    long eventDelay = sim.now() - startDebounce;
    long quietTime = sim.now() - lastEvent;
    if (eventDelay >= settings.debounceMaxNanos() || quietTime >= settings.debounceAfterNanos()) {
      if (pending != null) {
        PushRequest r = pending;
        pending = null;
        debouncedEvents = 0;
        free = false;
        pushFn.push(r, true);
      }
    } else {
      sim.schedule(settings.debounceAfterNanos() - quietTime, this::onDebounceTimer);
    }
  }
}
