package dev.meshsim.mesh.upstream;

/** What a pool tells the stream that asked it for a connection. */
public interface PoolCallbacks {
  /** The stream is attached to {@code connection}; it may send its request now. */
  void onPoolReady(Connection connection);

  /** The pool cannot serve the stream. */
  void onPoolFailure(PoolFailure reason);
}
