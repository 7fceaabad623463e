package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;

/** One upstream connection from a sidecar worker to a host. */
public final class Connection {
  final ConnPool pool;
  boolean connected;
  int activeStreams;
  /** Streams this connection may still carry ({@code max_requests_per_connection}); -1 unlimited. */
  int remainingStreams;
  long timer = Simulation.NO_TIMER;
  boolean closed;

  Connection(ConnPool pool, int maxRequestsPerConnection) {
    this.pool = pool;
    this.remainingStreams = maxRequestsPerConnection == 0 ? -1 : maxRequestsPerConnection;
  }

  boolean hasCapacity(int streamsPerConnection) {
    return connected && !closed && activeStreams < streamsPerConnection && remainingStreams != 0;
  }
}
