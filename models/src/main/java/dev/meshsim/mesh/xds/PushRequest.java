package dev.meshsim.mesh.xds;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * istiod's {@code model.PushRequest}: what one push carries. Events debounced into one batch merge
 * into a single request, which is full if any of them was ({@code PushRequest.Merge}), and whose
 * {@code ConfigsUpdated} is the union of theirs.
 */
final class PushRequest {
  /** False for an endpoints-only (EDS) push, which reuses the current push context. */
  boolean full;
  /** Events merged into this request (the push record's count). */
  int events;
  /** The measured changes whose events are in this request, each once. */
  final List<ConvergenceTracker.Change> changes = new ArrayList<>();
  /**
   * {@code ConfigsUpdated}: the keys ({@link ProxyDependencies}) of the objects changed, or null when
   * an event did not say (then every proxy is pushed, as for istiod's forced pushes).
   */
  private Set<String> configs = new TreeSet<>();

  void merge(boolean isFull, ConvergenceTracker.Change change) {
    merge(isFull, change, null);
  }

  /** @param key the changed object's key, or null for a change of unknown scope */
  void merge(boolean isFull, ConvergenceTracker.Change change, String key) {
    full |= isFull;
    events++;
    if (change != null && !changes.contains(change)) {
      changes.add(change);
    }
    if (key == null) {
      configs = null;
    } else if (configs != null) {
      configs.add(key);
    }
  }

  /**
   * Merges {@code other} into this one, as {@code PushRequest.Merge} does when a proxy's queued push
   * absorbs a later one: full if either is, the union of their changed objects (unknown if either's
   * is), every change once.
   */
  void merge(PushRequest other) {
    full |= other.full;
    events += other.events;
    for (ConvergenceTracker.Change c : other.changes) {
      if (!changes.contains(c)) {
        changes.add(c);
      }
    }
    if (other.configs == null) {
      configs = null;
    } else if (configs != null) {
      configs.addAll(other.configs);
    }
  }

  /** The changed objects' keys, or null for "every proxy". */
  Set<String> configs() {
    return configs;
  }
}
