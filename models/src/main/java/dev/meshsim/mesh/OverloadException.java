package dev.meshsim.mesh;

/**
 * A run stopped because more requests were in flight at once than {@link MeshSimulation#MAX_IN_FLIGHT}:
 * an open-loop load the mesh cannot serve grows a backlog (queued at the apps, pending at the
 * sidecars) without end, and each waiting request holds memory, so the run would exhaust the heap
 * long before it ended. The scenario is at fault, not meshsim: the command reports it as bad input.
 */
public final class OverloadException extends RuntimeException {
  public OverloadException(String message) {
    super(message);
  }
}
