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

  /** The request as sent (a gateway's Envoy routes it again by its Host header and port). */
  RequestTemplate request();

  /** The request reached the serving pod at {@code nanos}: its sidecar's {@code %START_TIME%}. */
  default void arrived(long nanos) {
  }

  /**
   * Whether this is the serving sidecar's retry of a connect the app refused (the request reached
   * the pod once; an app counts it once).
   */
  default boolean retriedConnect() {
    return false;
  }

  /**
   * The app did not take the connection (it refuses, or listens on another address): an HTTP
   * inbound's sidecar answers 503 itself ({@code UF} in its log); a TCP one can only close the connection.
   */
  default void refused() {
    respond(503);
  }

  /**
   * The app reset the connection before answering: an HTTP inbound's sidecar answers 503 ({@code UC}
   * in its log); a TCP one passes the reset on.
   */
  default void appReset() {
    respond(503);
  }
}
