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
 *
 * <p>When a proxy's turn comes, istiod first checks that it needs the push at all ({@code
 * pushConnection} calls {@code ProxyNeedsPush}, istio {@code pilot/pkg/xds/proxy_dependencies.go}):
 * a proxy whose Sidecar scope, new or previous, depends on none of the changed objects is skipped
 * ({@link ProxyDependencies}). The skip costs meshsim no time and no throttle slot (istiod's {@code
 * computeProxyState} before the check is not modelled).
 */
final class PushQueue {
  private final Simulation sim;
  private final ControlPlaneSettings settings;
  private final Supplier<PushContext> context;
  private final XdsDelivery delivery;
  private final Runnable drained;
  private final Skips skips;
  private final ArrayDeque<Istiod.Connection> queue = new ArrayDeque<>();
  private int active;

  /**
   * One proxy's place in the queue: pushqueue.go's {@code pending} (queued, merged) and {@code
   * processing} (being pushed, with what arrived meanwhile) entries.
   */
  static final class Entry {
    private boolean queued;
    /** What the queued push carries, the proxy's pushes merged ({@code PushRequest.Merge}). */
    private PushRequest queuedBatch = new PushRequest();
    private boolean inProgress;
    private boolean pendingAfter;
    /** What the push pending behind the one in progress carries. */
    private PushRequest pendingBatch = new PushRequest();
  }

  /** Told of each proxy istiod skips, with the changes it was queued for. */
  @FunctionalInterface
  interface Skips {
    void skipped(Istiod.Connection c, List<ConvergenceTracker.Change> changes);
  }

  /** {@code drained} runs whenever the queue is empty and nothing is being pushed. */
  PushQueue(Simulation sim, ControlPlaneSettings settings, Supplier<PushContext> context, XdsDelivery delivery,
      Runnable drained, Skips skips) {
    this.skips = skips;
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
  void pushAll(List<Istiod.Connection> connections, PushRequest r) {
    for (Istiod.Connection c : connections) {
      if (c.alive()) {
        enqueue(c, r);
      }
    }
    pump();
  }

  private void enqueue(Istiod.Connection c, PushRequest r) {
    Entry e = c.entry();
    if (e.inProgress) {
      e.pendingAfter = true;
      e.pendingBatch.merge(r);
    } else if (e.queued) {
      e.queuedBatch.merge(r);
    } else {
      e.queued = true;
      e.queuedBatch.merge(r);
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
      PushRequest batch = e.queuedBatch;
      e.queuedBatch = new PushRequest();
      boolean full = batch.full;
      if (!needsPush(c, batch)) {
        skips.skipped(c, batch.changes);
        continue;
      }
      e.inProgress = true;
      active++;
      sim.schedule(cost(c, full), () -> finish(c, full, false));
    }
    if (active == 0 && queue.isEmpty()) {
      drained.run();
    }
  }

  /**
   * istio {@code DefaultProxyNeedsPush}: a full push first updates the proxy's scope ({@code
   * computeProxyState}, the previous one kept); the proxy is pushed when either scope depends on a
   * changed object, or when what changed is unknown.
   */
  private boolean needsPush(Istiod.Connection c, PushRequest batch) {
    if (batch.full) {
      c.newScope(context.get());
    }
    if (batch.configs() == null) {
      return true;
    }
    ProxyDependencies now = c.scope().dependenciesOf(c.identity());
    PushContext before = c.previousScope();
    ProxyDependencies prev = before == null ? null : before.dependenciesOf(c.identity());
    for (String key : batch.configs()) {
      if (now.dependsOn(key) || (prev != null && prev.dependsOn(key))) {
        return true;
      }
    }
    return false;
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
        PushRequest pending = e.pendingBatch;
        e.pendingBatch = new PushRequest();
        enqueue(c, pending);
      }
    }
    pump();
  }
}
