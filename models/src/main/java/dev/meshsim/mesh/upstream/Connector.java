package dev.meshsim.mesh.upstream;

/** How a connect to a host turns out; supplied by the sidecar, which knows pods and the network. */
public interface Connector {

  /** Whether the host is still there to keep a connection open (a dead peer closes them). */
  boolean isAlive(Endpoint endpoint);

  /** The outcome of one connect attempt to {@code endpoint} starting now. */
  Outcome connect(Endpoint endpoint);

  /**
   * @param succeeds whether the handshake completes
   * @param delayNanos when it completes or the refusal arrives; {@link #NO_ANSWER} if nothing ever
   *     comes back (the connect timeout decides)
   */
  record Outcome(boolean succeeds, long delayNanos) {
    public static final long NO_ANSWER = Long.MAX_VALUE;
  }
}
