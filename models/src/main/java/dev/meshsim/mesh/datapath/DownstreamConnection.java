package dev.meshsim.mesh.datapath;

/**
 * A connection an app (or load generator) keeps open to its sidecar across requests. An HTTP
 * connection manager serves each request on it on its own, so only a {@code tcp_proxy} cares: it
 * holds one upstream connection, to one host, per downstream connection ({@link TcpSession}).
 */
public final class DownstreamConnection {
  /** The client sidecar's {@code tcp_proxy} session of this connection, while open. */
  TcpSession session;
}
