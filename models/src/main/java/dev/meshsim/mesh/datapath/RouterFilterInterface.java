package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.upstream.PoolFailure;

/**
 * What an upstream request tells the router filter that started it (Envoy's {@code
 * RouterFilterInterface}, {@code source/common/router/router.h}): each attempt ends by exactly one
 * of these, and the router decides what follows. The attempt sees nothing else of the router.
 */
public interface RouterFilterInterface {
  /** The host answered {@code code}. */
  void onUpstreamResponse(UpstreamRequest attempt, int code);

  /** The connection broke before an answer (the request was sent, or not: {@link UpstreamRequest#sent}). */
  void onUpstreamReset(UpstreamRequest attempt, RetryState.Reset reason);

  /** The pool could not give the attempt a connection. */
  void onPoolFailure(UpstreamRequest attempt, PoolFailure reason);

  /** The attempt's per-try timeout fired (the attempt already reset its stream). */
  void onPerTryTimeout(UpstreamRequest attempt);

  /** The downstream request this router forwards (what the server's app is handed). */
  Exchange downstreamRequest();

  /** The route's per-try timeout, 0 for none; armed when the attempt gets its connection. */
  long perTryTimeoutNanos();

  /** The downstream request being routed. */
  RequestTemplate request();

  /** The attempt got connection {@code serial} of worker {@code worker}'s pool and is sent. */
  void onAttached(UpstreamRequest attempt, int worker, int serial);
}
