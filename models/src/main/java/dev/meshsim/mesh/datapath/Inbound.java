package dev.meshsim.mesh.datapath;

/**
 * A request as the serving app sees it: it can answer or have its connection reset. The client
 * side behind it is either a sidecar's upstream request or, without a sidecar, the calling app.
 */
public interface Inbound {
  /** The calling app's request (its headers, and the trace it belongs to). */
  Exchange caller();

  /** The app answered with {@code code}; the answer travels back to the client from now. */
  void respond(int code);

  /** The connection carrying the request broke before an answer (the app died or reset it). */
  void reset();

  /**
   * The server sidecar could not hand the request to its app (the app refuses, or listens on
   * another address): an HTTP inbound answers 503 itself; a TCP one can only close the connection.
   */
  default void appUnreachable() {
    respond(503);
  }

  /** The app reset the connection before answering: an HTTP inbound answers 503; TCP passes the reset. */
  default void appReset() {
    respond(503);
  }

  /** The request as sent (a gateway's Envoy routes it again by its Host header and port). */
  RequestTemplate request();
}
