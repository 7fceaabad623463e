package dev.meshsim.result;

/**
 * One push by istiod.
 *
 * @param version the config version it carries
 * @param full true for a full push (new push context: CDS, EDS, LDS and RDS), false for an
 *     endpoints-only (EDS) push
 * @param events the config and endpoint events the debounce merged into it
 * @param dispatchedNanos when the debounce let it go
 * @param readyNanos when its push context was built and proxies were queued
 * @param doneNanos when the last proxy's push was sent (-1 if still going at the end)
 * @param skippedProxies proxies istiod took from its queue while this was the newest push and did
 *     not push, because nothing changed that their Sidecar scope depends on ({@code DependsOnConfig})
 */
public record PushRecord(long version, boolean full, int events, long dispatchedNanos, long readyNanos,
    long doneNanos, int skippedProxies) {

  /** A push that skipped no proxy. */
  public PushRecord(long version, boolean full, int events, long dispatchedNanos, long readyNanos, long doneNanos) {
    this(version, full, events, dispatchedNanos, readyNanos, doneNanos, 0);
  }
}
