package dev.meshsim.mesh.upstream;

/**
 * Resolves a cluster's endpoint to the link its pools connect over; supplied by the client sidecar,
 * which knows where the address leads. Called once per host, when the host joins the cluster.
 */
@FunctionalInterface
public interface Connector {

  /** The link from this sidecar to {@code endpoint}. */
  HostLink link(Endpoint endpoint);

  /**
   * How a connect turns out.
   *
   * @param succeeds whether the handshake completes
   * @param delayNanos when it completes or the refusal arrives; {@link #NO_ANSWER} if nothing ever
   *     comes back (the connect timeout decides)
   */
  record Outcome(boolean succeeds, long delayNanos) {
    public static final long NO_ANSWER = Long.MAX_VALUE;
  }
}
