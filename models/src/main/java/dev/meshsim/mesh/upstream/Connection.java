package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;

/** One upstream connection from a sidecar worker to a host. */
public final class Connection {
  final ConnPool pool;
  boolean connected;
  int activeStreams;
  /** Streams this connection may still carry ({@code max_requests_per_connection}); -1 unlimited. */
  int remainingStreams;
  /** The connect outcome or connect timeout, while connecting. */
  long timer = Simulation.NO_TIMER;
  /** When the connection last became idle (no active stream). */
  long idleSince;
  /** Whether an idle check is scheduled; it re-arms itself rather than being cancelled on reuse. */
  boolean idleCheckArmed;
  boolean closed;

  Connection(ConnPool pool, int maxRequestsPerConnection) {
    this.pool = pool;
    this.remainingStreams = maxRequestsPerConnection == 0 ? -1 : maxRequestsPerConnection;
  }

  boolean hasCapacity(int streamsPerConnection) {
    return connected && !closed && activeStreams < streamsPerConnection && remainingStreams != 0;
  }
}
