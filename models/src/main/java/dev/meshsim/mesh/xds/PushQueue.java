package dev.meshsim.mesh.xds;

import dev.meshsim.engine.Simulation;
import dev.meshsim.timeline.ControlPlaneSettings;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

/**
 * istiod's push queue ({@code pilot/pkg/xds/pushqueue.go}) and its throttle ({@code doSendPushes}'s
 * semaphore): every connected proxy is queued once per push, and at most {@code pushThrottle}
 * proxies are pushed at once.
 *
 * <p>A proxy already queued has the new request merged into its queued one; a proxy being pushed
 * gets it queued again once that push is sent, so a push never overtakes another to the same
 * proxy. Pushing one proxy costs time growing with the size of its config, which is generated from
 * the newest push context when the push is sent.
 */
final class PushQueue {
  private final Simulation sim;
  private final ControlPlaneSettings settings;
  private final Supplier<PushContext> context;
  private final XdsDelivery delivery;
  private final Runnable drained;
  private final ArrayDeque<Istiod.Connection> queue = new ArrayDeque<>();
  private int active;

  /**
   * One proxy's place in the queue: pushqueue.go's {@code pending} (queued, merged) and {@code
   * processing} (being pushed, with what arrived meanwhile) entries.
   */
  static final class Entry {
    private boolean queued;
    private boolean queuedFull;
    private boolean inProgress;
    private boolean pendingAfter;
    private boolean pendingFull;
  }

  /** {@code drained} runs whenever the queue is empty and nothing is being pushed. */
  PushQueue(Simulation sim, ControlPlaneSettings settings, Supplier<PushContext> context, XdsDelivery delivery,
      Runnable drained) {
    this.sim = sim;
    this.settings = settings;
    this.context = context;
    this.delivery = delivery;
    this.drained = drained;
  }

  /**
   * A starting proxy's first request is answered at once, outside the queue and its throttle; a
   * push arriving meanwhile waits for it like any push in progress.
   */
  void pushInitial(Istiod.Connection c) {
    c.entry().inProgress = true;
    sim.schedule(cost(c, true), () -> finish(c, true, true));
  }

  /** {@code AdsPushAll}: queues every connected proxy, then starts what the throttle allows. */
  void pushAll(List<Istiod.Connection> connections, boolean full) {
    for (Istiod.Connection c : connections) {
      if (c.alive()) {
        enqueue(c, full);
      }
    }
    pump();
  }

  private void enqueue(Istiod.Connection c, boolean full) {
    Entry e = c.entry();
    if (e.inProgress) {
      e.pendingAfter = true;
      e.pendingFull |= full;
    } else if (e.queued) {
      e.queuedFull |= full;
    } else {
      e.queued = true;
      e.queuedFull = full;
      queue.addLast(c);
    }
  }

  /** The proxy disconnected: it leaves the queue (a push in progress still completes). */
  void remove(Istiod.Connection c) {
    queue.remove(c);
  }

  /** Starts pushes while the throttle allows. */
  private void pump() {
    while (active < settings.pushThrottle() && !queue.isEmpty()) {
      Istiod.Connection c = queue.pollFirst();
      Entry e = c.entry();
      e.queued = false;
      e.inProgress = true;
      boolean full = e.queuedFull;
      active++;
      sim.schedule(cost(c, full), () -> finish(c, full, false));
    }
    if (active == 0 && queue.isEmpty()) {
      drained.run();
    }
  }

  private long cost(Istiod.Connection c, boolean full) {
    return settings.proxyCost().nanos(context.get().proxyResources(c.identity(), full));
  }

  /** The proxy's config is generated (from the newest context) and sent. */
  private void finish(Istiod.Connection c, boolean full, boolean initial) {
    if (!initial) {
      active--;
    }
    Entry e = c.entry();
    e.inProgress = false;
    if (c.alive()) {
      delivery.send(c, full);
      if (e.pendingAfter) {
        e.pendingAfter = false;
        boolean pendingFull = e.pendingFull;
        e.pendingFull = false;
        enqueue(c, pendingFull);
      }
    }
    pump();
  }
}
