package dev.meshsim.mesh.xds;

import dev.meshsim.engine.Simulation;
import dev.meshsim.result.Convergence;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Measures, for each change, the time until each sidecar that was ready when it happened has
 * applied it: a config change needs all four types at (at least) the version that first carried
 * it and no cluster still warming; an endpoints change needs EDS at that version.
 */
public final class ConvergenceTracker {
  private final Simulation sim;
  private final List<Change> all = new ArrayList<>();
  private final List<Change> open = new ArrayList<>();

  ConvergenceTracker(Simulation sim) {
    this.sim = sim;
  }

  /** A change happens: it is measured on the sidecars connected and ready now. */
  Change open(String label, long at, boolean full, int inputs, List<Istiod.Connection> connections) {
    Change c = new Change(label, at, full, inputs);
    for (Istiod.Connection conn : connections) {
      if (conn.alive() && conn.client().ready()) {
        c.tracked.set(conn.id());
        c.remaining++;
      }
    }
    c.sidecars = c.remaining;
    all.add(c);
    if (c.remaining > 0) {
      open.add(c);
    }
    return c;
  }

  /** A proxy applied an update: the changes it now has are converged for it. */
  void applied(Istiod.Connection conn) {
    for (int i = 0; i < open.size(); i++) {
      Change c = open.get(i);
      if (c.tracked.get(conn.id()) && c.reachedBy(conn.client())) {
        c.converged(conn.id(), sim.now() - c.at);
        if (c.remaining == 0) {
          open.remove(i--);
        }
      }
    }
  }

  /**
   * istiod skipped the proxy for these changes (none concerns its scope): it is not measured for
   * them, as istiod records {@code pilot_proxy_convergence_time} only for proxies it pushes.
   */
  void skipped(Istiod.Connection conn, List<Change> changes) {
    for (Change c : changes) {
      // Only once the change is whole (its last object reached istiod): a part may concern the proxy.
      if (c.version >= 0 && c.tracked.get(conn.id()) && !c.reachedBy(conn.client())) {
        c.tracked.clear(conn.id());
        c.remaining--;
        c.sidecars--;
        if (c.remaining == 0) {
          open.remove(c);
        }
      }
    }
  }

  void disconnected(Istiod.Connection conn) {
    for (int i = 0; i < open.size(); i++) {
      Change c = open.get(i);
      if (c.tracked.get(conn.id())) {
        c.tracked.clear(conn.id());
        c.remaining--;
        c.lost++;
        if (c.remaining == 0) {
          open.remove(i--);
        }
      }
    }
  }

  void cancel(Change c) {
    all.remove(c);
    open.remove(c);
  }

  /** Every change so far, in the order they happened. */
  public List<Convergence> results() {
    List<Convergence> out = new ArrayList<>();
    for (Change c : all) {
      out.add(new Convergence(c.label, c.at, c.full, c.version, c.sidecars, c.lost,
          c.samples.stream().mapToLong(Long::longValue).toArray()));
    }
    return out;
  }

  /** One measured change. */
  public final class Change {
    private final String label;
    private final long at;
    private final boolean full;
    private final int inputs;
    private int arrived;
    private long version = -1;
    private final BitSet tracked = new BitSet();
    private int remaining;
    private int sidecars;
    private int lost;
    private final List<Long> samples = new ArrayList<>();

    private Change(String label, long at, boolean full, int inputs) {
      this.label = label;
      this.at = at;
      this.full = full;
      this.inputs = inputs;
    }

    void inputArrived() {
      arrived++;
    }

    /** A push of {@code v} carries what arrived so far; the change is in it once all arrived. */
    void includedIn(long v) {
      if (version < 0 && arrived >= inputs) {
        version = v;
      }
    }

    private boolean reachedBy(XdsClient client) {
      if (version < 0) {
        return false;
      }
      if (!full) {
        return client.version(XdsType.EDS) >= version;
      }
      return client.minVersion() >= version && client.warmingClusters().isEmpty();
    }

    private void converged(int connection, long nanos) {
      tracked.clear(connection);
      remaining--;
      samples.add(nanos);
    }
  }
}
