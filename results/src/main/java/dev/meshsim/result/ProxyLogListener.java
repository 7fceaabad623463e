package dev.meshsim.result;

/**
 * Hears every sidecar's access-log entries as requests end, on the simulation's thread. The model
 * asks {@link #wants} first, so an entry that sampling drops is never built: both sides of one
 * request (and every hop that carried the same {@code x-request-id}) are kept or dropped together.
 */
public interface ProxyLogListener {
  /** Whether entries of the request whose {@code x-request-id} comes from {@code requestId} are kept. */
  boolean wants(long requestId);

  void logged(ProxyLogEntry entry);
}
