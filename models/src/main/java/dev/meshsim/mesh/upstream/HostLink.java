package dev.meshsim.mesh.upstream;

/**
 * What a connection pool needs of the path to its host: whether the far end still holds
 * connections open, and how a new connect turns out. The pool never sees the pod behind it.
 */
public interface HostLink {

  /** Whether the host is still there to keep a connection open (a dead peer closes them). */
  boolean accepting();

  /** The outcome of one connect attempt starting now. */
  Connector.Outcome connect();

  /**
   * Whether the far end closes a connected connection when the first request arrives (a
   * plaintext request into a sidecar that only accepts mTLS). False for most links.
   */
  default boolean closesOnRequest() {
    return false;
  }
}
