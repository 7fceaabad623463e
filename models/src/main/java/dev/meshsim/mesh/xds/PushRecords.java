package dev.meshsim.mesh.xds;

import dev.meshsim.engine.Simulation;
import dev.meshsim.result.PushRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * istiod's pushes so far, in order: when each was dispatched, when its push context was ready,
 * and when the push queue had sent it to every proxy.
 */
final class PushRecords {
  private final Simulation sim;
  private final List<PushRecord> pushes = new ArrayList<>();

  PushRecords(Simulation sim) {
    this.sim = sim;
  }

  /** Push {@code version} has its context and is being queued, now. */
  void started(long version, PushRequest r, long dispatchedNanos) {
    pushes.add(new PushRecord(version, r.full, r.events, dispatchedNanos, sim.now(), -1));
  }

  /** istiod skipped one proxy (counted against the newest push). */
  void skipped() {
    int last = pushes.size() - 1;
    PushRecord p = pushes.get(last);
    pushes.set(last, new PushRecord(p.version(), p.full(), p.events(), p.dispatchedNanos(), p.readyNanos(),
        p.doneNanos(), p.skippedProxies() + 1));
  }

  /** The push queue is empty: every push so far has been sent to every proxy. */
  void drained() {
    for (int i = 0; i < pushes.size(); i++) {
      PushRecord p = pushes.get(i);
      if (p.doneNanos() < 0) {
        pushes.set(i, new PushRecord(p.version(), p.full(), p.events(), p.dispatchedNanos(), p.readyNanos(),
            sim.now(), p.skippedProxies()));
      }
    }
  }

  List<PushRecord> all() {
    return List.copyOf(pushes);
  }
}
