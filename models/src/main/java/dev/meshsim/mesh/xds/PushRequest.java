package dev.meshsim.mesh.xds;

import java.util.ArrayList;
import java.util.List;

/**
 * istiod's {@code model.PushRequest}: what one push carries. Events debounced into one batch merge
 * into a single request, which is full if any of them was ({@code PushRequest.Merge}).
 */
final class PushRequest {
  /** False for an endpoints-only (EDS) push, which reuses the current push context. */
  boolean full;
  /** Events merged into this request (the push record's count). */
  int events;
  /** The measured changes whose events are in this request, each once. */
  final List<ConvergenceTracker.Change> changes = new ArrayList<>();

  void merge(boolean isFull, ConvergenceTracker.Change change) {
    full |= isFull;
    events++;
    if (change != null && !changes.contains(change)) {
      changes.add(change);
    }
  }
}
